using System.Collections.Concurrent;
using DataTier.Cache.Access;

namespace DataTier.Cache.Commands.Reference;

/// <summary>
/// COMMAND INFO's entry for a served command or subcommand, as Redis 7.0 gives it: name, arity, flags, legacy key
/// positions, ACL categories, tips, key specifications and the served subcommands' own entries. Built once per name.
/// </summary>
public static class CommandInfoReply
{
    private static readonly ConcurrentDictionary<string, CacheReply> Built = new(StringComparer.Ordinal);

    /// <summary>The entry of a name <see cref="ServedCommand.Name"/> has found.</summary>
    public static CacheReply Of(string name) => Built.GetOrAdd(name, Build);

    private static CacheReply Build(string name)
    {
        if (name.Contains('|'))
        {
            var sub = SubcommandTable.Of[name[..name.IndexOf('|')]].First(s => s.Name == name);
            return Entry(name, sub.Arity, sub.Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries), (sub.FirstKey, sub.LastKey, sub.Step));
        }
        var spec = CommandTable.Find(name)!;
        var flags = CommandInfoTable.Flags.TryGetValue(name, out var listed) ? listed : [.. spec.FlagNames()];
        var keys = CommandInfoTable.LegacyKeys.TryGetValue(name, out var legacy) ? legacy : (spec.FirstKey, spec.LastKey, spec.Step);
        return Entry(name, spec.Arity, flags, keys);
    }

    private static CacheReply Entry(string name, int arity, string[] flags, (int First, int Last, int Step) keys)
    {
        var subcommands = SubcommandTable.Of.TryGetValue(name, out var served) ? served.Select(s => Of(s.Name)).ToArray() : [];
        return CacheReply.Array(
        [
            CacheReply.Bulk(name),
            CacheReply.Int(arity),
            CacheReply.Members([.. flags.Select(CacheReply.Simple)]),
            CacheReply.Int(keys.First),
            CacheReply.Int(keys.Last),
            CacheReply.Int(keys.Step),
            CacheReply.Members([.. AclCategories.Of(name).Select(c => CacheReply.Simple("@" + c))]),
            CacheReply.Members([.. (TipTable.Of.GetValueOrDefault(name) ?? []).Select(CacheReply.Bulk)]),
            CacheReply.Members([.. (KeySpecTable.Of.GetValueOrDefault(name) ?? []).Select(KeySpecMap)]),
            // Redis answers an empty set when there are no subcommands, an array of entries when there are.
            subcommands.Length == 0 ? CacheReply.Members([]) : CacheReply.Array(subcommands),
        ]);
    }

    private static CacheReply KeySpecMap(KeySpec spec)
    {
        var fields = new List<CacheReply>();
        if (spec.Notes is { } notes) fields.AddRange([CacheReply.Bulk("notes"), CacheReply.Bulk(notes)]);
        fields.AddRange(
        [
            CacheReply.Bulk("flags"), Words(spec.Flags),
            CacheReply.Bulk("begin_search"), TypeAndSpec(spec.Begin.Type, spec.Begin.Fields),
            CacheReply.Bulk("find_keys"), TypeAndSpec(spec.Find.Type, [.. spec.Find.Fields.Select(f => (f.Name, (object)f.Value))]),
        ]);
        return CacheReply.Map([.. fields]);
    }

    private static CacheReply TypeAndSpec(string type, (string Name, object Value)[] fields) => CacheReply.Map(
    [
        CacheReply.Bulk("type"), CacheReply.Bulk(type),
        CacheReply.Bulk("spec"), CacheReply.Map([.. fields.SelectMany(f => new[] { CacheReply.Bulk(f.Name), f.Value is int i ? CacheReply.Int(i) : CacheReply.Bulk((string)f.Value) })]),
    ]);

    /// <summary>Space-separated flags as a set of status strings.</summary>
    public static CacheReply Words(string flags) => CacheReply.Members([.. flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CacheReply.Simple)]);
}
