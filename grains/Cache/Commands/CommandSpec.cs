namespace DataTier.Cache.Commands;

/// <summary>A command's name, arity (negative: at least that many), flags and key positions, as Redis' COMMAND reports them.</summary>
public sealed record CommandSpec(string Name, CommandId Id, int Arity, CommandFlags Flags, int FirstKey, int LastKey, int Step, CommandRoute Route)
{
    public bool AcceptsArgumentCount(int count) => Arity >= 0 ? count == Arity : count >= -Arity;

    /// <summary>The keys of a call of this command, by its key positions (a negative last position counts from the end).</summary>
    public IEnumerable<byte[]> KeysIn(byte[][] a)
    {
        if (FirstKey == 0) yield break;
        var last = LastKey < 0 ? a.Length + LastKey : LastKey;
        for (var i = FirstKey; i <= last && i < a.Length; i += Step) yield return a[i];
    }

    public IEnumerable<string> FlagNames()
    {
        if (Flags.HasFlag(CommandFlags.Write)) yield return "write";
        if (Flags.HasFlag(CommandFlags.ReadOnly)) yield return "readonly";
        if (Flags.HasFlag(CommandFlags.DenyOom)) yield return "denyoom";
        if (Flags.HasFlag(CommandFlags.PubSub)) yield return "pubsub";
        if (Flags.HasFlag(CommandFlags.NoAuth)) yield return "no_auth";
        if (Flags.HasFlag(CommandFlags.Fast)) yield return "fast";
    }
}
