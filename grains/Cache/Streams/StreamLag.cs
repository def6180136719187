namespace DataTier.Cache.Streams;

/// <summary>
/// A group's entries-read counter and lag, as Redis 7.0 keeps them: exact while no entry after the group's position was
/// deleted, otherwise estimated from the stream's counters where that is possible, and unknown (nil) where it is not.
/// </summary>
public static class StreamLag
{
    /// <summary>The group was given the entry <paramref name="id"/> as new (<c>&gt;</c>): its position and counter move on.</summary>
    public static void Delivered(StreamValue stream, StreamGroup group, StreamEntryId id)
    {
        if (id <= group.LastDelivered) return;
        if (group.EntriesRead != StreamGroup.Unknown && !HasTombstones(stream, id, StreamEntryId.Max)) group.EntriesRead++;
        else if (stream.EntriesAdded > 0) group.EntriesRead = EntriesBefore(stream, id);
        group.LastDelivered = id;
    }

    /// <summary>The group's lag, or null when it cannot be known.</summary>
    public static long? Lag(StreamValue stream, StreamGroup group)
    {
        if (stream.EntriesAdded == 0) return 0;
        if (group.EntriesRead != StreamGroup.Unknown && !HasTombstones(stream, group.LastDelivered, StreamEntryId.Max))
            return stream.EntriesAdded - group.EntriesRead;
        var read = EntriesBefore(stream, group.LastDelivered);
        return read == StreamGroup.Unknown ? null : stream.EntriesAdded - read;
    }

    /// <summary>Whether an entry between the IDs may have been deleted (XDEL's largest deleted ID falls there, among the entries still kept).</summary>
    public static bool HasTombstones(StreamValue stream, StreamEntryId start, StreamEntryId end)
    {
        if (stream.Count == 0 || stream.MaxDeletedId.IsZero) return false;
        if (stream.FirstId > stream.MaxDeletedId) return false;
        return start <= stream.MaxDeletedId && stream.MaxDeletedId <= end;
    }

    /// <summary>How many entries were added up to and including <paramref name="id"/>, or <see cref="StreamGroup.Unknown"/>.</summary>
    public static long EntriesBefore(StreamValue stream, StreamEntryId id)
    {
        if (stream.EntriesAdded == 0) return 0;
        if (stream.Count == 0 && id <= stream.LastId) return stream.EntriesAdded;
        var toLast = id.CompareTo(stream.LastId);
        if (toLast == 0) return stream.EntriesAdded;
        if (toLast > 0) return StreamGroup.Unknown;
        if (stream.MaxDeletedId.IsZero || stream.MaxDeletedId < stream.FirstId)
        {
            var toFirst = id.CompareTo(stream.FirstId);
            if (toFirst < 0) return stream.EntriesAdded - stream.Count;
            if (toFirst == 0) return stream.EntriesAdded - stream.Count + 1;
        }
        return StreamGroup.Unknown;
    }
}
