using DataTier.Tables;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>What an ARN a request needs names: its table, and the table whose tags it carries.</summary>
public static class ResourceArns
{
    private const string TableMarker = ":table/";
    private const string IndexMarker = "/index/";

    /// <summary>The table an ARN names (a table's, an index's, a stream's or a backup's); null for others.</summary>
    public static string? TableOf(string arn)
    {
        var at = arn.IndexOf(TableMarker, StringComparison.Ordinal);
        if (at < 0) return null;
        var name = arn[(at + TableMarker.Length)..];
        var slash = name.IndexOf('/');
        return slash < 0 ? name : name[..slash];
    }

    /// <summary>
    /// The table whose tags are the resource's (<c>aws:ResourceTag</c>): a table's own, which its indexes inherit, as
    /// DynamoDB's ABAC has it. Null for other resources: a stream has tags of its own (none can be set here), and
    /// backups and global tables have none.
    /// </summary>
    public static string? TaggedTableOf(string? arn)
    {
        if (arn is null || TableOf(arn) is not { } table) return null;
        var tableArn = TableDescription.ArnOf(table);
        if (!arn.StartsWith(tableArn, StringComparison.Ordinal)) return null;
        var rest = arn.AsSpan(tableArn.Length);
        return rest.IsEmpty || (rest.StartsWith(IndexMarker, StringComparison.Ordinal) && rest.Length > IndexMarker.Length && !rest[IndexMarker.Length..].Contains('/'))
            ? table : null;
    }
}
