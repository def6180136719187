namespace DataTier.Cache.Access;

/// <summary>
/// A cache user's permissions, as Redis' ACL rules give them (<see cref="AclRules"/>): whether it may log in, the commands
/// and subcommands it may run, the keys it may read and write, and the Pub/Sub channels it may use.
/// </summary>
public sealed class AclUser
{
    public required string Name { get; init; }

    /// <summary>The rules as configured, which give these permissions again (<see cref="AclRules.Parse"/>).</summary>
    public required string Rules { get; init; }

    public bool Enabled { get; init; }

    /// <summary>Command names, and <c>container|sub</c> for subcommands, the user may run.</summary>
    public required IReadOnlySet<string> Commands { get; init; }

    /// <summary>The command rules as given (after <c>-@all</c> when they do not start from everything), for ACL GETUSER and LIST.</summary>
    public required string CommandRules { get; init; }

    public required IReadOnlyList<AclKeyPattern> Keys { get; init; }

    public required IReadOnlyList<byte[]> Channels { get; init; }

    /// <summary>Every command, key and channel: nothing to check.</summary>
    public bool Unrestricted => Commands.IsSupersetOf(AclRules.Universe) && AllKeys(read: true, write: true) && AllChannels;

    public bool AllChannels => Channels.Any(c => GlobPattern.MatchesAll(c));

    public bool AllKeys(bool read, bool write) => Keys.Any(k => GlobPattern.MatchesAll(k.Pattern) && (!read || k.Read) && (!write || k.Write));

    public bool MayRun(string command) => Commands.Contains(command);

    public bool MayAccess(ReadOnlySpan<byte> key, bool read, bool write)
    {
        foreach (var k in Keys)
            if ((!read || k.Read) && (!write || k.Write) && GlobPattern.IsMatch(k.Pattern, key)) return true;
        // %R~a* and %W~a* together allow reading and writing a1, as in Redis.
        if (read && write) return MayAccess(key, read: true, write: false) && MayAccess(key, read: false, write: true);
        return false;
    }

    /// <summary>A channel of PUBLISH or SUBSCRIBE matches a channel pattern; a PSUBSCRIBE pattern must be one of them.</summary>
    public bool MayUseChannel(ReadOnlySpan<byte> channel, bool isPattern)
    {
        foreach (var c in Channels)
            if (GlobPattern.MatchesAll(c) || (isPattern ? channel.SequenceEqual(c) : GlobPattern.IsMatch(c, channel))) return true;
        return false;
    }

    /// <summary>The user's rules as ACL LIST shows them, with its password's part (<c>nopass</c> or <c>#</c> and its SHA-256).</summary>
    public string Describe(string password)
    {
        var parts = new List<string> { Enabled ? "on" : "off", "sanitize-payload", password };
        parts.AddRange(Keys.Select(k => k.Describe()));
        if (AllChannels) parts.Add("&*");
        else
        {
            parts.Add("resetchannels");
            parts.AddRange(Channels.Select(c => "&" + System.Text.Encoding.UTF8.GetString(c)));
        }
        parts.Add(CommandRules);
        return string.Join(' ', parts);
    }
}
