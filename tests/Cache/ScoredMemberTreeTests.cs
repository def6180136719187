using System.Text;
using DataTier.Cache.Values;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>The sorted sets' rank tree against a sorted list under random additions, removals and new scores.</summary>
public sealed class ScoredMemberTreeTests
{
    private static readonly double[] Scores = [double.NegativeInfinity, -1e300, -2.5, -0.0, 0, 1, 1, 1, 2, 3.25, 1e300, double.PositiveInfinity];

    private readonly ScoredMemberTree _tree = new();
    private readonly List<ScoredMember> _reference = [];
    private readonly Random _random;

    public ScoredMemberTreeTests() => _random = new Random(20261130);

    private static ScoredMember Member(double score, string name) => new(score, Encoding.UTF8.GetBytes(name));

    private int ReferenceLowerBound(ScoredMember member)
    {
        var index = _reference.BinarySearch(member);
        return index < 0 ? ~index : index;
    }

    private bool AddBoth(ScoredMember member)
    {
        var index = _reference.BinarySearch(member);
        if (index < 0) _reference.Insert(~index, member);
        var added = _tree.Add(member);
        Assert.Equal(index < 0, added);
        return added;
    }

    private bool RemoveBoth(ScoredMember member)
    {
        var index = _reference.BinarySearch(member);
        if (index >= 0) _reference.RemoveAt(index);
        Assert.Equal(index >= 0, _tree.Remove(member));
        return index >= 0;
    }

    private static void AssertSameMember(ScoredMember expected, ScoredMember actual) => Assert.Equal(0, expected.CompareTo(actual));

    private ScoredMember RandomProbe() =>
        _reference.Count > 0 && _random.Next(2) == 0
            ? _reference[_random.Next(_reference.Count)]
            : Member(Scores[_random.Next(Scores.Length)], "m" + _random.Next(5000));

    /// <summary>Cheap checks after every step: the count, a rank, the member at a rank, a lower bound and a short walk each way.</summary>
    private void CheckSome(ScoredMember touched)
    {
        Assert.Equal(_reference.Count, _tree.Count);
        Assert.Equal(_reference.BinarySearch(touched) is var at && at >= 0 ? at : -1, _tree.RankOf(touched));
        var probe = RandomProbe();
        Assert.Equal(ReferenceLowerBound(probe), _tree.LowerBound(probe));
        Assert.Equal(ReferenceLowerBound(probe), _tree.CountBefore(m => m.CompareTo(probe) >= 0));
        if (_reference.Count == 0) return;
        var rank = _random.Next(_reference.Count);
        Assert.Equal(_reference[rank], _tree.ElementAt(rank));
        Assert.Equal(_reference.Skip(rank).Take(70), _tree.Ascending(rank).Take(70));
        Assert.Equal(_reference.Take(rank + 1).Reverse().Take(70), _tree.Descending(rank).Take(70));
    }

    /// <summary>Everything: every rank, both whole walks, the ends, and the tree's own bookkeeping.</summary>
    private void CheckAll()
    {
        Assert.Equal(_reference, _tree);
        Assert.Equal(Enumerable.Reverse(_reference), _tree.Reverse());
        for (var i = 0; i < _reference.Count; i++) Assert.Equal(i, _tree.RankOf(_reference[i]));
        Assert.Equal(_reference.Count == 0 ? default : _reference[0], _tree.Min);
        Assert.Equal(_reference.Count == 0 ? default : _reference[^1], _tree.Max);
        ScoredMemberTreeShape.Check(_tree);
    }

    [Fact]
    public void Random_additions_removals_and_new_scores_match_a_sorted_list()
    {
        var scores = new Dictionary<string, double>();
        for (var step = 0; step < 60_000; step++)
        {
            // Grow to about 12,000 members (three levels), then shrink back to none, so merges and a shrinking root are exercised.
            var growing = step < 35_000;
            var name = "m" + _random.Next(growing ? 15_000 : 5_000);
            var kind = _random.Next(10);
            ScoredMember touched;
            if (kind < (growing ? 6 : 1))
            {
                touched = Member(Scores[_random.Next(Scores.Length)] + (_random.Next(3) == 0 ? _random.Next(100) : 0), name);
                if (scores.TryGetValue(name, out var old)) RemoveBoth(Member(old, name));
                AddBoth(touched);
                scores[name] = touched.Score;
            }
            else if (kind < 9 && scores.Remove(name, out var score))
            {
                touched = Member(score, name);
                RemoveBoth(touched);
            }
            else
            {
                touched = RandomProbe();
                if (RemoveBoth(touched)) scores.Remove(Encoding.UTF8.GetString(touched.Member));
            }
            CheckSome(touched);
            if (step % 5_000 == 0) CheckAll();
        }
        CheckAll();
    }

    [Fact]
    public void Equal_scores_are_ordered_by_member_bytes_and_duplicates_are_refused()
    {
        foreach (var i in Enumerable.Range(0, 3000).OrderBy(_ => _random.Next())) AddBoth(Member(7, $"k{i:D5}"));
        Assert.False(_tree.Add(Member(7, "k00042")));
        Assert.True(_tree.Add(Member(7, "k00042x")));
        Assert.True(_tree.Remove(Member(7, "k00042x")));
        Assert.False(_tree.Remove(Member(8, "k00042")));
        Assert.Equal(42, _tree.RankOf(Member(7, "k00042")));
        Assert.Equal(-1, _tree.RankOf(Member(6, "k00042")));
        Assert.Equal(43, _tree.LowerBound(Member(7, "k00042\0")));
        Assert.Equal(0, _tree.LowerBound(Member(7, "")));
        Assert.Equal(3000, _tree.LowerBound(Member(7, "l")));
        CheckAll();
    }

    [Fact]
    public void Infinite_scores_sit_at_the_ends()
    {
        for (var i = 0; i < 500; i++) AddBoth(Member(i, "n" + i));
        AddBoth(Member(double.PositiveInfinity, "top"));
        AddBoth(Member(double.NegativeInfinity, "bottom"));
        AddBoth(Member(double.NegativeInfinity, "a"));
        AssertSameMember(Member(double.NegativeInfinity, "a"), _tree.Min);
        AssertSameMember(Member(double.PositiveInfinity, "top"), _tree.Max);
        Assert.Equal(502, _tree.RankOf(Member(double.PositiveInfinity, "top")));
        Assert.Equal(2, _tree.CountBefore(m => m.Score > double.NegativeInfinity));
        Assert.Equal(502, _tree.CountBefore(m => m.Score >= double.PositiveInfinity));
        Assert.Equal(503, _tree.CountBefore(m => m.Score > double.PositiveInfinity));
        CheckAll();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Members_added_in_order_fill_their_leaves(bool ascending)
    {
        var order = Enumerable.Range(0, 64 * 100);
        foreach (var i in ascending ? order : order.Reverse()) AddBoth(Member(i, "x"));
        Assert.Equal(100, ScoredMemberTreeShape.Check(_tree));
        CheckAll();
    }

    [Fact]
    public void An_empty_tree_has_no_members_and_every_bound_at_zero()
    {
        Assert.Empty(_tree);
        Assert.Empty(_tree.Reverse());
        Assert.Empty(_tree.Ascending(0));
        Assert.Empty(_tree.Descending(0));
        Assert.Equal(-1, _tree.RankOf(Member(1, "a")));
        Assert.Equal(0, _tree.LowerBound(Member(1, "a")));
        Assert.Equal(default, _tree.Min);
        Assert.Equal(default, _tree.Max);
        Assert.Throws<ArgumentOutOfRangeException>(() => _tree.ElementAt(0));
        Assert.False(_tree.Remove(Member(1, "a")));
        AddBoth(Member(1, "a"));
        RemoveBoth(Member(1, "a"));
        CheckAll();
    }

    [Fact]
    public void Walks_from_ranks_out_of_range_are_empty_and_a_change_stops_a_walk()
    {
        for (var i = 0; i < 200; i++) AddBoth(Member(i % 10, "w" + i));
        Assert.Empty(_tree.Ascending(200));
        Assert.Empty(_tree.Ascending(-1));
        Assert.Empty(_tree.Descending(200));
        Assert.Empty(_tree.Descending(-1));
        Assert.Equal([_reference[0]], _tree.Descending(0));
        Assert.Equal([_reference[^1]], _tree.Ascending(199));
        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var m in _tree) _tree.Remove(m);
        });
    }
}
