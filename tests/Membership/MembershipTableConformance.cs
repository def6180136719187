using System.Net;
using Orleans.Messaging;
using Xunit;

namespace DataTier.Tests.Membership;

/// <summary>
/// The membership-table contract Orleans relies on (the checks of its own MembershipTableTestsBase),
/// run against each membership provider the silo can use; a subclass supplies the table, its gateway
/// list provider and the cluster id.
/// </summary>
#pragma warning disable CS0618 // the Task-returning IMembershipTable methods without cancellation are the contract under test
public abstract class MembershipTableConformance
{
    private static int _generation;

    protected abstract IMembershipTable Table { get; }

    protected abstract IGatewayListProvider Gateways { get; }

    protected abstract string ClusterIdOf();

    private static Tuple<MembershipEntry, string> Row(MembershipTableData data, SiloAddress silo) => data.Members.Single(m => m.Item1.SiloAddress.Equals(silo));

    private static DateTime NowToSeconds()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    private static SiloAddress NewSilo() => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 12345), Interlocked.Increment(ref _generation));

    private static MembershipEntry NewEntry()
    {
        var silo = NewSilo();
        return new MembershipEntry
        {
            SiloAddress = silo,
            HostName = "host",
            SiloName = "silo",
            Status = SiloStatus.Joining,
            ProxyPort = 30000 + _generation,
            StartTime = NowToSeconds(),
            IAmAliveTime = NowToSeconds(),
        };
    }

    [Fact]
    public async Task An_empty_table_has_version_zero_and_no_rows()
    {
        var data = await Table.ReadAll();
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.NotNull(data.Version.VersionEtag);
    }

    [Fact]
    public async Task Insert_bumps_the_version_and_refuses_duplicates_and_stale_versions()
    {
        var data = await Table.ReadAll();
        var next = data.Version.Next();
        var entry = NewEntry();
        Assert.True(await Table.InsertRow(entry, next));
        Assert.False(await Table.InsertRow(entry, next));
        Assert.False(await Table.InsertRow(NewEntry(), next));

        data = await Table.ReadAll();
        Assert.Equal(1, data.Version.Version);
        Assert.NotEqual(next.VersionEtag, data.Version.VersionEtag);
        Assert.False(await Table.InsertRow(entry, data.Version.Next()));
        Assert.Single(data.Members);

        var row = await Table.ReadRow(entry.SiloAddress);
        Assert.Equal(1, row.Version.Version);
        var (read, etag) = row.Members.Single();
        Assert.NotNull(etag);
        Assert.Equal(entry.ToFullString(), read.ToFullString());
        Assert.Empty((await Table.ReadRow(NewSilo())).Members);
    }

    [Fact]
    public async Task Update_needs_the_current_row_etag_and_table_version()
    {
        var data = await Table.ReadAll();
        for (var i = 1; i <= 4; i++)
        {
            var entry = NewEntry();
            entry.SuspectTimes = [Tuple.Create(NewSilo(), NowToSeconds().AddSeconds(1)), Tuple.Create(NewSilo(), NowToSeconds().AddSeconds(2))];
            var version = data.Version.Next();
            Assert.True(await Table.InsertRow(entry, version));
            data = await Table.ReadAll();
            var etagBefore = Row(data, entry.SiloAddress).Item2;

            Assert.False(await Table.UpdateRow(entry, etagBefore, version)); // the version was used already
            version = data.Version.Next();
            entry.Status = SiloStatus.Active;
            Assert.True(await Table.UpdateRow(entry, etagBefore, version));
            Assert.False(await Table.UpdateRow(entry, etagBefore, version)); // stale row etag

            data = await Table.ReadAll();
            var (read, etagAfter) = Row(data, entry.SiloAddress);
            Assert.Equal(entry.ToFullString(), read.ToFullString());
            Assert.NotEqual(etagBefore, etagAfter);
            Assert.False(await Table.UpdateRow(entry, etagAfter, version)); // stale table version
            Assert.Equal(version.Version, (await Table.ReadAll()).Version.Version);
            Assert.Equal(i, data.Members.Count);
        }
    }

    [Fact]
    public async Task Parallel_updates_each_win_once()
    {
        var data = await Table.ReadAll();
        var entry = NewEntry();
        var inserts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Table.InsertRow(entry, data.Version.Next())));
        Assert.Single(inserts, ok => ok);
        await Task.WhenAll(Enumerable.Range(0, 9).Select(async _ =>
        {
            while (true)
            {
                var current = await Table.ReadAll();
                var (row, etag) = Row(current, entry.SiloAddress);
                if (await Table.UpdateRow(row, etag, current.Version.Next())) return;
            }
        }));
        data = await Table.ReadAll();
        Assert.Equal(10, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task IAmAlive_changes_only_the_alive_time()
    {
        var data = await Table.ReadAll();
        var entry = NewEntry();
        Assert.True(await Table.InsertRow(entry, data.Version.Next()));
        var before = await Table.ReadAll();
        var alive = DateTime.UtcNow.AddSeconds(5);
        await Table.UpdateIAmAlive(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = alive });
        var after = await Table.ReadAll();
        var (row, etag) = Row(after, entry.SiloAddress);
        Assert.True((alive - row.IAmAliveTime).Duration() < TimeSpan.FromMilliseconds(50));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(Row(before, entry.SiloAddress).Item2, etag);
    }

    [Fact]
    public async Task Cleanup_removes_only_dead_silos_gone_before_the_date()
    {
        var data = await Table.ReadAll();
        var old = NewEntry();
        old.IAmAliveTime = old.IAmAliveTime.AddDays(-10);
        old.StartTime = old.StartTime.AddDays(-10);
        old.Status = SiloStatus.Dead;
        Assert.True(await Table.InsertRow(old, data.Version.Next()));
        var young = NewEntry();
        Assert.True(await Table.InsertRow(young, (await Table.ReadAll()).Version.Next()));
        var oldButAlive = NewEntry();
        oldButAlive.IAmAliveTime = oldButAlive.IAmAliveTime.AddDays(-10);
        oldButAlive.Status = SiloStatus.Active;
        Assert.True(await Table.InsertRow(oldButAlive, (await Table.ReadAll()).Version.Next()));

        await Table.CleanupDefunctSiloEntries(old.IAmAliveTime.AddDays(3));
        var left = (await Table.ReadAll()).Members.Select(m => m.Item1.SiloAddress).ToList();
        Assert.Equal(2, left.Count);
        Assert.DoesNotContain(old.SiloAddress, left);
    }

    [Fact]
    public async Task Gateways_are_the_active_silos_with_a_gateway_port()
    {
        var entries = Enumerable.Range(0, 6).Select(_ => NewEntry()).ToArray();
        entries[1].Status = SiloStatus.Active;
        entries[1].ProxyPort = 0;
        entries[3].Status = SiloStatus.Active;
        entries[5].Status = SiloStatus.Active;
        foreach (var e in entries) Assert.True(await Table.InsertRow(e, (await Table.ReadAll()).Version.Next()));

        var gateways = (await Gateways.GetGateways()).Select(g => g.ToString()).ToList();
        Assert.Equal(2, gateways.Count);
        Assert.Contains(SiloAddress.New(new IPEndPoint(IPAddress.Loopback, entries[3].ProxyPort), entries[3].SiloAddress.Generation).ToGatewayUri().ToString(), gateways);
        Assert.Contains(SiloAddress.New(new IPEndPoint(IPAddress.Loopback, entries[5].ProxyPort), entries[5].SiloAddress.Generation).ToGatewayUri().ToString(), gateways);
        Assert.True(Gateways.IsUpdatable);
    }

    [Fact]
    public async Task Deleting_the_entries_empties_the_cluster()
    {
        Assert.True(await Table.InsertRow(NewEntry(), (await Table.ReadAll()).Version.Next()));
        await Table.DeleteMembershipTableEntries(ClusterIdOf());
        await Table.InitializeMembershipTable(true);
        Assert.Empty((await Table.ReadAll()).Members);
    }
}
#pragma warning restore CS0618
