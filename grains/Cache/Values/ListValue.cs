namespace DataTier.Cache.Values;

/// <summary>A Redis list: a double-ended queue of elements in a ring buffer (pushes and pops at both ends, and indexing, in constant time).</summary>
public sealed class ListValue
{
    public const int EntryOverhead = 16;

    private byte[][] _items = new byte[4][];
    private int _head;

    public int Count { get; private set; }

    /// <summary>Accounted size of the elements.</summary>
    public long Bytes { get; private set; }

    public byte[] this[int index]
    {
        get => _items[Slot(index)];
        set
        {
            var slot = Slot(index);
            Bytes += value.Length - _items[slot].Length;
            _items[slot] = value;
        }
    }

    public IEnumerable<byte[]> Items
    {
        get
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }
    }

    public void PushFront(byte[] element)
    {
        Grow();
        _head = (_head - 1 + _items.Length) % _items.Length;
        _items[_head] = element;
        Added(element);
    }

    public void PushBack(byte[] element)
    {
        Grow();
        _items[(_head + Count) % _items.Length] = element;
        Added(element);
    }

    public byte[] PopFront()
    {
        var element = _items[_head];
        _items[_head] = null!;
        _head = (_head + 1) % _items.Length;
        Removed(element);
        return element;
    }

    public byte[] PopBack()
    {
        var slot = Slot(Count - 1);
        var element = _items[slot];
        _items[slot] = null!;
        Removed(element);
        return element;
    }

    /// <summary>Replaces the elements with <paramref name="elements"/> (LREM, LTRIM, LINSERT: linear anyway, as in Redis).</summary>
    public void Replace(IEnumerable<byte[]> elements)
    {
        var list = elements.ToList();
        _items = new byte[Math.Max(4, list.Count)][];
        list.CopyTo(_items);
        _head = 0;
        Count = list.Count;
        Bytes = list.Sum(e => (long)EntryOverhead + e.Length);
    }

    private int Slot(int index) => (_head + index) % _items.Length;

    private void Added(byte[] element)
    {
        Count++;
        Bytes += EntryOverhead + element.Length;
    }

    private void Removed(byte[] element)
    {
        Count--;
        Bytes -= EntryOverhead + element.Length;
    }

    private void Grow()
    {
        if (Count < _items.Length) return;
        var larger = new byte[_items.Length * 2][];
        for (var i = 0; i < Count; i++) larger[i] = this[i];
        _items = larger;
        _head = 0;
    }
}
