using DataTier.Cache.Keyspace;

namespace DataTier.Cache.Values;

/// <summary>
/// A Redis set: its members in a list, with each member's position in a dictionary, so membership, adding, removing
/// (the last member moves into the removed one's place) and picking a random member all take constant time.
/// </summary>
public sealed class SetValue
{
    public const int EntryOverhead = 48;

    private readonly List<byte[]> _members = [];
    private readonly Dictionary<byte[], int> _positions = new(ByteArrayComparer.Instance);

    public int Count => _members.Count;

    /// <summary>Accounted size of the members.</summary>
    public long Bytes { get; private set; }

    public IReadOnlyList<byte[]> Members => _members;

    /// <summary>
    /// Whether Redis would hold this set as a hash table rather than an intset: once it has had a member that is not a
    /// 64-bit integer or more than 512 members (set-max-intset-entries); Redis never converts back.
    /// </summary>
    public bool IsHashtable { get; private set; }

    public void ConvertToHashtable() => IsHashtable = true;

    /// <summary>The encoding a set of these members built anew would have (SPOP of most members rebuilds the rest, as Redis does).</summary>
    public void Reencode() => IsHashtable = _members.Count > MaxIntsetEntries || !_members.All(m => CacheNumbers.TryParseLong(m, out _));

    private const int MaxIntsetEntries = 512;

    public bool Contains(byte[] member) => _positions.ContainsKey(member);

    private ScanOrder? _scanOrder;

    /// <summary>SSCAN's page order while the set is a hash table.</summary>
    public ScanOrder ScanOrder => _scanOrder ??= ScanOrder.Of(_members, _members.Count);

    /// <summary>Frees the page order once a scan has reached its end.</summary>
    public void ReleaseScanOrder() => _scanOrder = null;

    /// <summary>The memory the page order holds while a scan goes on, counted against maxmemory with the value.</summary>
    public long ScanOrderBytes => _scanOrder?.Bytes ?? 0;

    /// <summary>Adds a member; true when it is new.</summary>
    public bool Add(byte[] member)
    {
        if (!_positions.TryAdd(member, _members.Count)) return false;
        _members.Add(member);
        _scanOrder = null;
        Bytes += EntryOverhead + member.Length;
        if (!IsHashtable && (_members.Count > MaxIntsetEntries || !CacheNumbers.TryParseLong(member, out _))) IsHashtable = true;
        return true;
    }

    public bool Remove(byte[] member)
    {
        if (!_positions.Remove(member, out var position)) return false;
        var last = _members[^1];
        _members.RemoveAt(_members.Count - 1);
        if (position < _members.Count)
        {
            _members[position] = last;
            _positions[last] = position;
        }
        Bytes -= EntryOverhead + member.Length;
        return true;
    }

    public byte[] Random(Random random) => _members[random.Next(_members.Count)];

    public static SetValue Of(IEnumerable<byte[]> members)
    {
        var set = new SetValue();
        foreach (var member in members) set.Add(member);
        return set;
    }
}
