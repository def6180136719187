using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace DataTier.Tests.Differential.Randomized;

/// <summary>
/// Random request sequences (fixed seeds, so a failure is reproduced by its seed) sent to the project and to dynalite,
/// every answer compared after the suite's usual normalising (set order, scan order, number spelling, the listed
/// deliberate differences).
/// </summary>
[Collection("differential")]
public sealed class RandomTableDifferentialTests(DifferentialFixture fixture)
{
    private const int Requests = 300;

    /// <summary>
    /// Seeds 1 to 4 by default; <c>RANDOM_DYNAMO_SEEDS=N</c> runs seeds 1 to N instead
    /// (<c>RANDOM_DYNAMO_SEEDS=40 dotnet test ... --filter RandomTableDifferential</c>).
    /// <c>RANDOM_DYNAMO_DUMP=dir</c> writes a failing seed's requests to <c>dir/dynamo-seed-N.txt</c>.
    /// </summary>
    public static TheoryData<int> Seeds()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("RANDOM_DYNAMO_SEEDS"), out var n) && n > 0 ? n : 4;
        var seeds = new TheoryData<int>();
        for (var seed = 1; seed <= count; seed++) seeds.Add(seed);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Answers_match_dynalite(int seed)
    {
        var tables = RandomTables.Fresh();
        foreach (var create in tables.Create())
        {
            var (project, dynalite) = await SendAsync(create);
            Assert.True(project.Status == HttpStatusCode.OK && dynalite.Status == HttpStatusCode.OK, $"{create}\n  project: {project}\n  dynalite: {dynalite}");
            await fixture.Client.WaitUntilActiveOnDynaliteAsync(dynalite);
        }
        var history = new List<string>();
        try
        {
            foreach (var request in RandomRequestSequences.Generate(seed, Requests, tables))
            {
                if (DynaliteDeviations.MayRemoveNestedFromMissingItem(request) && !await ExistsOnDynaliteAsync(request))
                {
                    history.Add("(left out, the item is missing) " + request);
                    continue;
                }
                if (DynaliteDeviations.MayAddNumbers(request)
                    && (DynaliteDeviations.HoldsExtremeNumber(request.Body["ExpressionAttributeValues"] ?? request.Body["AttributeUpdates"]) || DynaliteDeviations.HoldsExtremeNumber(await ItemOnDynaliteAsync(request))))
                {
                    history.Add("(left out, a sum may pass 38 digits) " + request);
                    continue;
                }
                if (DynaliteDeviations.HoldsEmptyStringTwice(request.Body))
                {
                    history.Add("(left out, a string set holds the empty string twice) " + request);
                    continue;
                }
                if (DynaliteDeviations.MayCompareFalsyValue(request) && DynaliteDeviations.HoldsFalsyScalar(await ItemsOnDynaliteAsync(request)))
                {
                    history.Add("(left out, the table holds false or an empty string) " + request);
                    continue;
                }
                if (request.Operation == "Query" && request.Body["ExclusiveStartKey"] is not null && request.Body["IndexName"] is not null
                    && DynaliteDeviations.StartsAmongEqualIndexKeys(request.Body, await ItemsOnDynaliteAsync(request)))
                {
                    history.Add("(left out, other items have the start key's index key) " + request);
                    continue;
                }
                history.Add(request.ToString());
                if (request.Operation == "Scan" && request.FollowPages || request.Body["IndexName"] is not null && request.Operation == "Query")
                    await CompareWholeScanAsync(seed, request, history);
                else await CompareAsync(seed, request, history);
            }
        }
        finally
        {
            foreach (var delete in tables.Delete()) await SendAsync(delete);
        }
    }

    private async Task CompareAsync(int seed, RandomRequest request, List<string> history)
    {
        var body = request.Body;
        for (var page = 1; ; page++)
        {
            var paged = request with { Body = body };
            var (project, dynalite) = await SendAsync(paged);
            dynalite = DynaliteDeviations.WithMinimumReadCapacity(dynalite, request.Operation, body);
            if (ReadsGlobalIndex(request)) project = await SettledAsync(paged, project, dynalite, () => SendToProjectAsync(paged));
            await CheckAsync(seed, request, history, project, dynalite, page);
            if (!request.FollowPages || dynalite.Body?["LastEvaluatedKey"] is not { } next) return;
            body = (JsonObject)body.DeepClone();
            body["ExclusiveStartKey"] = next.DeepClone();
        }
    }

    /// <summary>
    /// Scan pages hold different items on each side (scan order is each implementation's own), so the whole scan is
    /// compared. So is a query of the local index: items with equal index sort keys come in an order DynamoDB leaves
    /// open (dynalite orders them by the table sort key's text, the project by its value), so each run of them is sorted;
    /// so is a query of a global index.
    /// A Scan in segments is read segment by segment, and the union compared (which segment holds an item is each
    /// implementation's own; so are the number of pages in each, whose capacity is therefore not compared).
    /// </summary>
    private async Task CompareWholeScanAsync(int seed, RandomRequest request, List<string> history)
    {
        var project = await ScanToEndAsync(fixture.Silo.EndpointUrl, request);
        var dynalite = await ScanToEndAsync(fixture.Dynalite.EndpointUrl, request);
        if (ReadsGlobalIndex(request)) project = await SettledAsync(request, project, dynalite, () => ScanToEndAsync(fixture.Silo.EndpointUrl, request));
        await CheckAsync(seed, request, history, project, dynalite, 0);
    }

    private static bool ReadsGlobalIndex(RandomRequest request) =>
        request.Body["IndexName"]?.GetValue<string>() is { } index && RandomTables.GlobalIndexes.Any(i => i.Name == index);

    /// <summary>
    /// dynalite updates its global indexes with the write, the project from the table's change feed a moment later. So
    /// when a read of a global index differs, the project is asked again until its index has caught up with the writes
    /// before (its answer is dynalite's) or a few seconds have passed; then the last answer is compared. Polling the
    /// answer itself needs no knowledge of which write the index must reflect, and costs nothing when the index is
    /// already up to date.
    /// </summary>
    private async Task<PeerResponse> SettledAsync(RandomRequest request, PeerResponse project, PeerResponse dynalite, Func<Task<PeerResponse>> again)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!Same(request, project, dynalite) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            project = await again();
        }
        return project;
    }

    private Task<PeerResponse> SendToProjectAsync(RandomRequest request) =>
        fixture.Client.SendAsync(fixture.Silo.EndpointUrl, DifferentialClient.TargetPrefix + request.Operation, Encoding.UTF8.GetBytes(request.Body.ToJsonString()), "application/x-amz-json-1.0");

    private async Task<PeerResponse> ScanToEndAsync(string url, RandomRequest request)
    {
        var first = request.Body;
        if (first["TotalSegments"]?.GetValue<int>() is not { } total || first["Segment"]?.GetValue<int>() is not { } segment || segment >= total)
            return await PagesToEndAsync(url, request.Operation, first, capacity: true);
        PeerResponse? union = null;
        for (var s = 0; s < total; s++)
        {
            var body = (JsonObject)first.DeepClone();
            body["Segment"] = s;
            var answer = await PagesToEndAsync(url, request.Operation, body, capacity: false);
            if (answer.Status != HttpStatusCode.OK) return answer;
            union = union is null ? answer : Joined(union, answer);
        }
        return union!;
    }

    private static PeerResponse Joined(PeerResponse a, PeerResponse b)
    {
        var whole = (JsonObject)a.Body!.DeepClone();
        whole["Count"] = a.Body!["Count"]!.GetValue<int>() + b.Body!["Count"]!.GetValue<int>();
        whole["ScannedCount"] = a.Body["ScannedCount"]!.GetValue<int>() + b.Body["ScannedCount"]!.GetValue<int>();
        if (whole["Items"] is JsonArray items)
            foreach (var item in b.Body["Items"]!.AsArray()) items.Add(item!.DeepClone());
        return new PeerResponse(HttpStatusCode.OK, whole.ToJsonString(), whole);
    }

    /// <summary>One Query or Scan read page by page to its end: the items, counts and (unless left out) each page's capacity.</summary>
    private async Task<PeerResponse> PagesToEndAsync(string url, string operation, JsonObject first, bool capacity)
    {
        var body = first;
        var items = new JsonArray();
        var capacities = new JsonArray();
        int count = 0, scanned = 0;
        for (var pages = 0; pages < 200; pages++)
        {
            var answer = await fixture.Client.SendAsync(url, DifferentialClient.TargetPrefix + operation, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/x-amz-json-1.0");
            if (answer.Status != HttpStatusCode.OK) return answer;
            if (url == fixture.Dynalite.EndpointUrl) answer = DynaliteDeviations.WithMinimumReadCapacity(answer, operation, body);
            foreach (var item in answer.Body!["Items"]?.AsArray() ?? []) items.Add(item!.DeepClone());
            count += answer.Body["Count"]!.GetValue<int>();
            scanned += answer.Body["ScannedCount"]!.GetValue<int>();
            if (answer.Body["ConsumedCapacity"] is { } consumed) capacities.Add(consumed.DeepClone());
            if (answer.Body["LastEvaluatedKey"] is not { } next) break;
            body = (JsonObject)body.DeepClone();
            body["ExclusiveStartKey"] = next.DeepClone();
        }
        var whole = new JsonObject { ["Count"] = count, ["ScannedCount"] = scanned };
        if (first["Select"]?.GetValue<string>() != "COUNT") whole["Items"] = operation == "Query" ? EqualIndexKeysSorted(items, first) : items;
        if (capacity && capacities.Count > 0) whole["ConsumedCapacity"] = capacities;
        return new PeerResponse(HttpStatusCode.OK, whole.ToJsonString(), whole);
    }

    private static JsonArray EqualIndexKeysSorted(JsonArray items, JsonObject query)
    {
        var index = query["IndexName"]?.GetValue<string>() is { } name ? RandomTables.GlobalIndexes.Append(RandomTables.Local).FirstOrDefault(i => i.Name == name) : null;
        var sortKey = index is null ? "sk" : index.Range;
        var sorted = new JsonArray();
        var run = new List<JsonNode>();
        foreach (var item in items.Select(i => i!.DeepClone()).Append(null))
        {
            if (run.Count > 0 && (item is null || sortKey is not null && item[sortKey]?.ToJsonString() != run[0][sortKey]?.ToJsonString()))
            {
                foreach (var same in run.OrderBy(i => i["pk"]?.ToJsonString(), StringComparer.Ordinal).ThenBy(SortKey).ThenBy(i => i.ToJsonString(), StringComparer.Ordinal))
                    sorted.Add(same);
                run.Clear();
            }
            if (item is not null) run.Add(item);
        }
        return sorted;
    }

    private static decimal SortKey(JsonNode item) =>
        item["sk"]?["N"] is { } n ? decimal.Parse(n.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture) : 0m;

    private async Task CheckAsync(int seed, RandomRequest request, List<string> history, PeerResponse project, PeerResponse dynalite, int page)
    {
        var (projectText, dynaliteText) = (Text(request, project), Text(request, dynalite));
        if (project.Status == dynalite.Status && projectText == dynaliteText) return;
        if (Environment.GetEnvironmentVariable("RANDOM_DYNAMO_DUMP") is { } dump) File.WriteAllLines(Path.Combine(dump, $"dynamo-seed-{seed}.txt"), history);
        Assert.Fail($"seed {seed}, request {history.Count}{(page > 1 ? $", page {page}" : page == 0 ? ", all pages" : "")}: {request}\n" +
            $"  project:  {(int)project.Status} {projectText}\n  dynalite: {(int)dynalite.Status} {dynaliteText}\n{await ItemsAfterAsync(request)}the requests before it:\n" +
            string.Join("\n", history.SkipLast(1).TakeLast(12)));
    }

    private static string Text(RandomRequest request, PeerResponse answer) =>
        DynaliteDeviations.Canonical(ResponseNormalizer.Canonical(answer, request.Operation, DeliberateDifferences.Instance.Fields));

    private static bool Same(RandomRequest request, PeerResponse project, PeerResponse dynalite) =>
        project.Status == dynalite.Status && Text(request, project) == Text(request, dynalite);

    private async Task<bool> ExistsOnDynaliteAsync(RandomRequest request)
    {
        var answer = await GetOnDynaliteAsync(request);
        // an invalid key is sent on, for both endpoints to refuse
        return answer.Status != HttpStatusCode.OK || answer.Body?["Item"] is not null;
    }

    private async Task<JsonNode?> ItemOnDynaliteAsync(RandomRequest request) => (await GetOnDynaliteAsync(request)).Body?["Item"];

    /// <summary>The random tables hold a few dozen items: one page of a consistent Scan reads them all.</summary>
    private async Task<JsonArray> ItemsOnDynaliteAsync(RandomRequest request)
    {
        var scan = new JsonObject { ["TableName"] = request.Body["TableName"]!.DeepClone(), ["ConsistentRead"] = true };
        var answer = await fixture.Client.SendAsync(fixture.Dynalite.EndpointUrl, DifferentialClient.TargetPrefix + "Scan", Encoding.UTF8.GetBytes(scan.ToJsonString()), "application/x-amz-json-1.0");
        Assert.Null(answer.Body?["LastEvaluatedKey"]);
        return answer.Body?["Items"] as JsonArray ?? [];
    }

    private Task<PeerResponse> GetOnDynaliteAsync(RandomRequest request)
    {
        var get = new JsonObject { ["TableName"] = request.Body["TableName"]!.DeepClone(), ["Key"] = DynaliteDeviations.KeyOf(request.Body), ["ConsistentRead"] = true };
        return fixture.Client.SendAsync(fixture.Dynalite.EndpointUrl, DifferentialClient.TargetPrefix + "GetItem", Encoding.UTF8.GetBytes(get.ToJsonString()), "application/x-amz-json-1.0");
    }

    /// <summary>For a failing write or read of one item: that item as each endpoint now holds it.</summary>
    private async Task<string> ItemsAfterAsync(RandomRequest request)
    {
        if (request.Body["TableName"] is not { } table || (request.Body["Key"] ?? request.Body["Item"]) is not JsonObject source) return "";
        var key = new JsonObject();
        foreach (var name in new[] { "pk", "sk" })
            if (source[name] is { } value) key[name] = value.DeepClone();
        var (project, dynalite) = await SendAsync(new RandomRequest("GetItem", new JsonObject { ["TableName"] = table.DeepClone(), ["Key"] = key, ["ConsistentRead"] = true }));
        return $"  the item now, project:  {project.Raw}\n  the item now, dynalite: {dynalite.Raw}\n";
    }

    private Task<(PeerResponse Project, PeerResponse Dynalite)> SendAsync(RandomRequest request) =>
        fixture.Client.SendAsync(DifferentialClient.TargetPrefix + request.Operation, Encoding.UTF8.GetBytes(request.Body.ToJsonString()));
}
