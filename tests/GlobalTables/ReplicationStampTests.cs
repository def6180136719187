using DataTier.Configuration;
using DataTier.GlobalTables;
using Xunit;

namespace DataTier.Tests.GlobalTables;

public sealed class ReplicationStampTests
{
    [Fact]
    public void The_later_time_wins_and_the_region_name_breaks_ties()
    {
        var west = new ReplicationStamp(1_000, "eu-west-1", false);
        Assert.True(new ReplicationStamp(1_001, "ap-south-1", false).IsNewerThan(west));
        Assert.False(west.IsNewerThan(new ReplicationStamp(1_001, "ap-south-1", false)));
        Assert.True(new ReplicationStamp(1_000, "us-east-1", true).IsNewerThan(west));
        Assert.False(new ReplicationStamp(1_000, "ap-south-1", false).IsNewerThan(west));
        // The same write arriving twice is not newer than itself, so resending converges.
        Assert.False(west.IsNewerThan(west));
    }

    [Fact]
    public void A_stamp_survives_its_stored_form()
    {
        var tombstone = new ReplicationStamp(1_764_300_000_123, "us-east-1", true);
        Assert.Equal(tombstone, ReplicationStamp.From(tombstone.ToAttributes()));
        var live = tombstone with { Deleted = false };
        Assert.Equal(live, ReplicationStamp.From(live.ToAttributes()));
    }

    [Fact]
    public void Settings_naming_the_own_region_or_a_bad_url_or_half_a_key_are_refused()
    {
        new GlobalTablesOptions { Region = "a", Regions = { ["b"] = "http://127.0.0.1:8000" } }.Validate();
        Assert.Throws<ArgumentException>(() => new GlobalTablesOptions { Region = "a", Regions = { ["a"] = "http://127.0.0.1:8000" } }.Validate());
        Assert.Throws<ArgumentException>(() => new GlobalTablesOptions { Regions = { ["b"] = "127.0.0.1:8000" } }.Validate());
        Assert.Throws<ArgumentException>(() => new GlobalTablesOptions { AccessKeyId = "AKID" }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new GlobalTablesOptions { WritesPerBatch = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new GlobalTablesOptions { ShipInterval = TimeSpan.Zero }.Validate());
    }
}
