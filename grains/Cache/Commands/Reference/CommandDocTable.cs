using DataTier.Cache.Commands.Reference.Docs;

namespace DataTier.Cache.Commands.Reference;

/// <summary>COMMAND DOCS of every command and subcommand served (a subcommand as <c>container|sub</c>), from the per-group tables.</summary>
public static class CommandDocTable
{
    public static readonly IReadOnlyDictionary<string, CommandDoc> Of = new[]
    {
        BitmapDocs.All, ClusterDocs.All, ConnectionDocs.All, GenericDocs.All, GeoDocs.All, HashDocs.All, HyperLogLogDocs.All,
        ListDocs.All, PubSubDocs.All, ScriptingDocs.All, ServerDocs.All, SetDocs.All, SortedSetDocs.All, StreamDocs.All,
        StringDocs.All, TransactionsDocs.All,
    }.SelectMany(group => group).ToDictionary(StringComparer.Ordinal);
}
