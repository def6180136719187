namespace DataTier.Cache.Access;

/// <summary>
/// Reads a user's permissions from Redis' ACL rules, as ElastiCache's access strings give them: <c>on</c>/<c>off</c>,
/// <c>~pattern</c> and <c>%R~</c>/<c>%W~</c>/<c>%RW~</c> key patterns, <c>allkeys</c>, <c>resetkeys</c>, <c>&amp;pattern</c>
/// channels, <c>allchannels</c>, <c>resetchannels</c>, <c>+command</c>, <c>-command</c>, <c>+command|sub</c>,
/// <c>+@category</c>, <c>-@category</c>, <c>allcommands</c>, <c>nocommands</c> and <c>reset</c>, applied in order.
/// Passwords are not rules here: they are configured apart (<c>Cache:Users</c>, <c>Cache:RequirePass</c>).
/// </summary>
public static class AclRules
{
    /// <summary>Everything a user may run: the commands of the categories and those of this cache.</summary>
    public static readonly IReadOnlySet<string> Universe =
        AclCategories.Commands.Concat(Commands.CommandTable.All.Select(c => c.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>What a user without rules may do: everything, as the default user of a Redis without ACLs.</summary>
    public const string Everything = "on ~* &* +@all";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, AclUser> Parsed = new(StringComparer.Ordinal);

    /// <summary>The permissions of rules that were read before (a script's caller's, sent with the script to its shard).</summary>
    public static AclUser ParseCached(string rules)
    {
        if (Parsed.TryGetValue(rules, out var user)) return user;
        if (Parsed.Count > 1024) Parsed.Clear();
        return Parsed[rules] = Parse("script-caller", rules);
    }

    /// <summary>The permissions the rules give; <see cref="ArgumentException"/> with Redis' words for a rule it cannot read.</summary>
    public static AclUser Parse(string name, string rules)
    {
        var enabled = false;
        var commands = new HashSet<string>(StringComparer.Ordinal);
        var commandRules = new List<string>();
        var keys = new List<AclKeyPattern>();
        var channels = new List<byte[]>();
        foreach (var rule in rules.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = rule.ToLowerInvariant();
            switch (lower)
            {
                case "on": enabled = true; continue;
                case "off": enabled = false; continue;
                case "allkeys": keys.Clear(); keys.Add(new AclKeyPattern("*"u8.ToArray(), true, true)); continue;
                case "resetkeys": keys.Clear(); continue;
                case "allchannels": channels.Clear(); channels.Add("*"u8.ToArray()); continue;
                case "resetchannels": channels.Clear(); continue;
                case "allcommands": commands.UnionWith(Universe); commandRules.Clear(); commandRules.Add("+@all"); continue;
                case "nocommands": commands.Clear(); commandRules.Clear(); continue;
                case "reset":
                    enabled = false; commands.Clear(); commandRules.Clear(); keys.Clear(); channels.Clear();
                    continue;
            }
            if (rule.StartsWith('~')) keys.Add(new AclKeyPattern(System.Text.Encoding.UTF8.GetBytes(rule[1..]), true, true));
            else if (rule.StartsWith('%')) keys.Add(KeyPattern(rule));
            else if (rule.StartsWith('&')) channels.Add(System.Text.Encoding.UTF8.GetBytes(rule[1..]));
            else if (rule.Length > 1 && rule[0] is '+' or '-')
            {
                var allow = rule[0] == '+';
                var named = Named(lower[1..], rule);
                if (allow) commands.UnionWith(named);
                else commands.ExceptWith(named);
                commandRules.Add(lower);
            }
            else if (rule.StartsWith('>') || rule.StartsWith('<') || rule.StartsWith('#') || lower is "nopass" or "resetpass")
                throw new ArgumentException($"user {name}: '{rule}' sets a password; passwords are configured with Cache:Users and Cache:RequirePass");
            else throw new ArgumentException($"user {name}: Error in ACL SETUSER modifier '{rule}': Syntax error");
        }
        var described = commandRules.Count > 0 && commandRules[0] == "+@all" ? commandRules : ["-@all", .. commandRules];
        return new AclUser
        {
            Name = name, Rules = rules, Enabled = enabled, Commands = commands, CommandRules = string.Join(' ', described), Keys = keys, Channels = channels,
        };
    }

    /// <summary>The commands a <c>+</c> or <c>-</c> rule names: a category's, a command with its subcommands, or one subcommand.</summary>
    private static IEnumerable<string> Named(string target, string rule)
    {
        if (target.StartsWith('@'))
        {
            if (target == "@all") return Universe;
            return AclCategories.Members.TryGetValue(target[1..], out var members) ? members
                : throw new ArgumentException($"Error in ACL SETUSER modifier '{rule}': Unknown command or category name in ACL");
        }
        if (target.Contains('|')) return Universe.Contains(target) ? [target]
            : throw new ArgumentException($"Error in ACL SETUSER modifier '{rule}': Unknown command or category name in ACL");
        var withSubcommands = Universe.Where(c => c == target || c.StartsWith(target + "|", StringComparison.Ordinal)).ToList();
        return withSubcommands.Count > 0 ? withSubcommands
            : throw new ArgumentException($"Error in ACL SETUSER modifier '{rule}': Unknown command or category name in ACL");
    }

    private static AclKeyPattern KeyPattern(string rule)
    {
        var tilde = rule.IndexOf('~');
        var flags = tilde < 0 ? "" : rule[1..tilde].ToUpperInvariant();
        if (tilde < 0 || flags.Length == 0 || flags.Any(f => f is not ('R' or 'W')))
            throw new ArgumentException($"Error in ACL SETUSER modifier '{rule}': Syntax error");
        return new AclKeyPattern(System.Text.Encoding.UTF8.GetBytes(rule[(tilde + 1)..]), flags.Contains('R'), flags.Contains('W'));
    }
}
