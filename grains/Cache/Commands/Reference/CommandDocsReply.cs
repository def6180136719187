using System.Collections.Concurrent;

namespace DataTier.Cache.Commands.Reference;

/// <summary>COMMAND DOCS' map for a served command or subcommand, as Redis 7.0 gives it, with the served subcommands' own. Built once per name.</summary>
public static class CommandDocsReply
{
    private static readonly ConcurrentDictionary<string, CacheReply> Built = new(StringComparer.Ordinal);

    /// <summary>The map of a name <see cref="ServedCommand.Name"/> has found.</summary>
    public static CacheReply Of(string name) => Built.GetOrAdd(name, Build);

    private static CacheReply Build(string name)
    {
        var doc = CommandDocTable.Of[name];
        var fields = new List<CacheReply>();
        void Add(string field, CacheReply value) => fields.AddRange([CacheReply.Bulk(field), value]);
        Add("summary", CacheReply.Bulk(doc.Summary));
        Add("since", CacheReply.Bulk(doc.Since));
        Add("group", CacheReply.Bulk(doc.Group));
        if (doc.Complexity is { } complexity) Add("complexity", CacheReply.Bulk(complexity));
        if (doc.DocFlags is { } flags) Add("doc_flags", CommandInfoReply.Words(flags));
        if (doc.DeprecatedSince is { } deprecated) Add("deprecated_since", CacheReply.Bulk(deprecated));
        if (doc.ReplacedBy is { } replacement) Add("replaced_by", CacheReply.Bulk(replacement));
        if (doc.History.Length > 0)
            Add("history", CacheReply.Members([.. doc.History.Select(h => CacheReply.Array([CacheReply.Bulk(h.Version), CacheReply.Bulk(h.Change)]))]));
        if (doc.Arguments.Length > 0) Add("arguments", CacheReply.Array([.. doc.Arguments.Select(Argument)]));
        if (SubcommandTable.Of.TryGetValue(name, out var subcommands))
            Add("subcommands", CacheReply.Map([.. subcommands.SelectMany(s => new[] { CacheReply.Bulk(s.Name), Of(s.Name) })]));
        return CacheReply.Map([.. fields]);
    }

    private static CacheReply Argument(DocArgument argument)
    {
        var fields = new List<CacheReply>();
        void Add(string field, CacheReply value) => fields.AddRange([CacheReply.Bulk(field), value]);
        Add("name", CacheReply.Bulk(argument.Name));
        Add("type", CacheReply.Bulk(argument.Type));
        if (argument.KeySpecIndex is { } index) Add("key_spec_index", CacheReply.Int(index));
        if (argument.Token is { } token) Add("token", CacheReply.Bulk(token));
        if (argument.Summary is { } summary) Add("summary", CacheReply.Bulk(summary));
        if (argument.Since is { } since) Add("since", CacheReply.Bulk(since));
        if (argument.Flags is { } flags) Add("flags", CommandInfoReply.Words(flags));
        if (argument.DeprecatedSince is { } deprecated) Add("deprecated_since", CacheReply.Bulk(deprecated));
        if (argument.Arguments.Length > 0) Add("arguments", CacheReply.Array([.. argument.Arguments.Select(Argument)]));
        return CacheReply.Map([.. fields]);
    }
}
