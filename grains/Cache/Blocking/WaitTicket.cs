using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Blocking;

/// <summary>
/// One blocking pop's (or blocking group reader's) place in the lines of the keys it waits on (<see cref="KeyWaitLine"/>):
/// its id, sent with each attempt, and the keys where it stands in line now, for it to leave them when it stops waiting.
/// </summary>
public sealed class WaitTicket
{
    private readonly HashSet<byte[]> _inLine = new(ByteArrayComparer.Instance);

    /// <param name="group">The consumer group a stream reader reads for (it stands in that group's line of each key), or null.</param>
    public WaitTicket(byte[]? group = null)
    {
        Id = Guid.NewGuid();
        Arg = Id.ToByteArray();
        Group = group;
    }

    /// <summary>The stream group whose lines the ticket stands in, or null for the keys' own lines.</summary>
    public byte[]? Group { get; }

    public Guid Id { get; }

    /// <summary>The id as a command argument.</summary>
    public byte[] Arg { get; }

    /// <summary>The keys where the ticket stands in line.</summary>
    public IReadOnlyCollection<byte[]> InLine => _inLine;

    /// <summary>Notes a shard's answer to an attempt on the key: nil leaves the ticket in line there, an element took it out.</summary>
    public void Answered(byte[] key, CacheReply reply)
    {
        if (reply.Kind == ReplyKind.Null) _inLine.Add(key);
        else if (!reply.IsError) _inLine.Remove(key);
    }

    /// <summary>The ticket among a shard command's arguments, if it has one.</summary>
    public static Guid? Read(byte[][] a, int index) => a.Length > index && a[index].Length == 16 ? new Guid(a[index]) : null;
}
