using System.Text.Json.Nodes;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>One generated request. A Query with <see cref="FollowPages"/> is followed page by page (each page compared);
/// a Scan with it is read to its end on each endpoint and the pages compared together, since scan order differs.</summary>
public sealed record RandomRequest(string Operation, JsonObject Body, bool FollowPages = false)
{
    public override string ToString() => $"{Operation} {Body.ToJsonString()}{(FollowPages ? " (all pages)" : "")}";
}
