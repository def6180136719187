using System.Text;

namespace DataTier.Cache.Notifications;

/// <summary>notify-keyspace-events' text, read and written as Redis 7.0 does.</summary>
public static class KeyspaceEventFlags
{
    public const string InvalidCharacter = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

    /// <summary>The classes a string names, or null when it has a character Redis does not know.</summary>
    public static KeyspaceEventTypes? Parse(string text)
    {
        var flags = KeyspaceEventTypes.None;
        foreach (var c in text)
        {
            if (Of(c) is not { } type) return null;
            flags |= type;
        }
        return flags;
    }

    private static KeyspaceEventTypes? Of(char letter) => letter switch
    {
        'A' => KeyspaceEventTypes.All,
        'g' => KeyspaceEventTypes.Generic,
        '$' => KeyspaceEventTypes.String,
        'l' => KeyspaceEventTypes.List,
        's' => KeyspaceEventTypes.Set,
        'h' => KeyspaceEventTypes.Hash,
        'z' => KeyspaceEventTypes.SortedSet,
        'x' => KeyspaceEventTypes.Expired,
        'e' => KeyspaceEventTypes.Evicted,
        'K' => KeyspaceEventTypes.Keyspace,
        'E' => KeyspaceEventTypes.Keyevent,
        't' => KeyspaceEventTypes.Stream,
        'm' => KeyspaceEventTypes.KeyMiss,
        'd' => KeyspaceEventTypes.Module,
        'n' => KeyspaceEventTypes.New,
        _ => null,
    };

    /// <summary>The classes as CONFIG GET shows them: A when all of A's are on, then K, E and m.</summary>
    public static string Format(KeyspaceEventTypes flags)
    {
        var text = new StringBuilder();
        if ((flags & KeyspaceEventTypes.All) == KeyspaceEventTypes.All) text.Append('A');
        else
        {
            (KeyspaceEventTypes Type, char Letter)[] letters =
            [
                (KeyspaceEventTypes.Generic, 'g'), (KeyspaceEventTypes.String, '$'), (KeyspaceEventTypes.List, 'l'), (KeyspaceEventTypes.Set, 's'),
                (KeyspaceEventTypes.Hash, 'h'), (KeyspaceEventTypes.SortedSet, 'z'), (KeyspaceEventTypes.Expired, 'x'), (KeyspaceEventTypes.Evicted, 'e'),
                (KeyspaceEventTypes.Stream, 't'), (KeyspaceEventTypes.Module, 'd'), (KeyspaceEventTypes.New, 'n'),
            ];
            foreach (var (type, letter) in letters)
                if (flags.HasFlag(type)) text.Append(letter);
        }
        if (flags.HasFlag(KeyspaceEventTypes.Keyspace)) text.Append('K');
        if (flags.HasFlag(KeyspaceEventTypes.Keyevent)) text.Append('E');
        if (flags.HasFlag(KeyspaceEventTypes.KeyMiss)) text.Append('m');
        return text.ToString();
    }
}
