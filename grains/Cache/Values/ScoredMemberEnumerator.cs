using System.Collections;

namespace DataTier.Cache.Values;

/// <summary>Walks a <see cref="ScoredMemberTree"/> up or down from a rank: the start is found in O(log n), then each step moves within a leaf or to its neighbour.</summary>
public struct ScoredMemberEnumerator : IEnumerator<ScoredMember>
{
    private readonly ScoredMemberTree _tree;
    private readonly int _version;
    private readonly int _start;
    private readonly bool _descending;
    private bool _started;
    private ScoredMemberLeaf? _leaf;
    private int _index;

    internal ScoredMemberEnumerator(ScoredMemberTree tree, int start, bool descending)
    {
        _tree = tree;
        _version = tree.Version;
        _start = start;
        _descending = descending;
    }

    public readonly ScoredMember Current => _leaf!.Entries[_index];

    readonly object IEnumerator.Current => Current;

    public bool MoveNext()
    {
        if (_version != _tree.Version) throw new InvalidOperationException("The sorted set was changed during enumeration.");
        if (!_started)
        {
            _started = true;
            if (_start >= 0 && _start < _tree.Count) _leaf = _tree.Locate(_start, out _index);
        }
        else if (_leaf is not null) Step(_leaf);
        return _leaf is not null;
    }

    private void Step(ScoredMemberLeaf leaf)
    {
        if (_descending)
        {
            if (--_index >= 0) return;
            _leaf = leaf.Previous;
            _index = (_leaf?.Count ?? 0) - 1;
        }
        else if (++_index == leaf.Count)
        {
            _leaf = leaf.Next;
            _index = 0;
        }
    }

    public void Reset()
    {
        _started = false;
        _leaf = null;
    }

    public readonly void Dispose()
    {
    }
}
