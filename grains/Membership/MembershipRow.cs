using System.Text.Json;

namespace DataTier.Membership;

/// <summary>The stored form of one <see cref="MembershipEntry"/> (JSON in the cluster's item).</summary>
internal sealed record MembershipRow(
    string Silo,
    int Status,
    int ProxyPort,
    string? HostName,
    string? SiloName,
    string? RoleName,
    int UpdateZone,
    int FaultZone,
    long StartTimeTicks,
    long IAmAliveTicks,
    List<SuspectRow>? Suspects)
{
    public static string Serialize(MembershipEntry e) => JsonSerializer.Serialize(new MembershipRow(
        e.SiloAddress.ToParsableString(),
        (int)e.Status,
        e.ProxyPort,
        e.HostName,
        e.SiloName,
        e.RoleName,
        e.UpdateZone,
        e.FaultZone,
        e.StartTime.ToUniversalTime().Ticks,
        e.IAmAliveTime.ToUniversalTime().Ticks,
        e.SuspectTimes?.Select(s => new SuspectRow(s.Item1.ToParsableString(), s.Item2.ToUniversalTime().Ticks)).ToList()));

    public static MembershipEntry Deserialize(string json, long? aliveTicks)
    {
        var row = JsonSerializer.Deserialize<MembershipRow>(json) ?? throw new InvalidDataException("Empty membership row");
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(row.Silo),
            Status = (SiloStatus)row.Status,
            ProxyPort = row.ProxyPort,
            HostName = row.HostName ?? "",
            SiloName = row.SiloName ?? "",
            RoleName = row.RoleName,
            UpdateZone = row.UpdateZone,
            FaultZone = row.FaultZone,
            StartTime = new DateTime(row.StartTimeTicks, DateTimeKind.Utc),
            IAmAliveTime = new DateTime(Math.Max(row.IAmAliveTicks, aliveTicks ?? 0), DateTimeKind.Utc),
            SuspectTimes = row.Suspects?.Select(s => Tuple.Create(SiloAddress.FromParsableString(s.Silo), new DateTime(s.Ticks, DateTimeKind.Utc))).ToList(),
        };
    }
}
