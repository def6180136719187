using DataTier.Client;
using DataTier.Client.Results;
using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// Reads a page of a SELECT: its Queries in order (or its Scan) from where the NextToken left off, until Limit items
/// have been read or about 1 MB, as one Query or Scan page would stop.
/// </summary>
public sealed class SelectPager(ITableClient tables)
{
    private const int PageBytes = 1024 * 1024;
    private const int BytesPerReadUnit = 4096;

    public async Task<SelectPage> ReadAsync(SelectPlan plan, PartiQLNextToken? start, int? limit, bool consistentRead, string digest)
    {
        if (start is not null && start.Read >= plan.Reads.Count) throw PartiQLErrors.Validation("NextToken does not match request");
        var items = new List<IReadOnlyDictionary<string, AttrValue>>();
        var units = 0.0;
        var remaining = limit ?? int.MaxValue;
        for (var i = start?.Read ?? 0; i < plan.Reads.Count; i++)
        {
            var exclusiveStart = i == start?.Read ? start.LastKey : null;
            var page = await ReadAsync(plan.Reads[i], remaining, exclusiveStart);
            items.AddRange(page.Items.Select(item => PartiQLProjection.Apply(item, plan.Projection)));
            units += page.CapacityUnits;
            remaining -= page.ScannedCount;
            if (page.LastEvaluatedKey is { } last)
                return new SelectPage(items, units, last, new PartiQLNextToken(digest, i, last).Encode());
            var full = remaining <= 0 || units * BytesPerReadUnit * (consistentRead ? 1 : 2) >= PageBytes;
            if (full && i + 1 < plan.Reads.Count)
                return new SelectPage(items, units, null, new PartiQLNextToken(digest, i + 1, null).Encode());
        }
        return new SelectPage(items, units, null, null);
    }

    private async Task<ItemPage> ReadAsync(SelectRead read, int remaining, IReadOnlyDictionary<string, AttrValue>? exclusiveStart)
    {
        int? limit = remaining == int.MaxValue ? null : remaining;
        try
        {
            return read.Query is { } query
                ? await tables.QueryAsync(query with { Limit = limit, ExclusiveStartKey = exclusiveStart })
                : await tables.ScanAsync(read.Scan! with { Limit = limit, ExclusiveStartKey = exclusiveStart });
        }
        catch (DynamoException e)
        {
            throw PartiQLRequest.WithoutExpressionName(e);
        }
    }
}
