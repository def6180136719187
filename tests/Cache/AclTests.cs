using DataTier.Cache.Access;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Users restricted by ACL rules (Cache:UserAccess): the same users are given the same rules in redis-server with ACL
/// SETUSER, and every reply to the same commands must be the same.
/// </summary>
[Collection("cache-wire")]
public sealed class AclTests(CacheSiloFixture fixture)
{
    public const string Password = "acl-test-pw";

    public static readonly (string Name, string Rules)[] Users =
    [
        ("app", "on ~app:* &news +@read +set -keys"),
        ("writer", "on %W~w:* +@all"),
        ("subs", "on ~* &news:* +@all"),
        ("tx", "on ~* &* +@all -del -config|set"),
        ("off", "off ~* +@all"),
        ("mixed", "on %R~r:* %W~w:* ~rw:* +@all"),
    ];

    private async Task<(RespTestClient Ours, RespTestClient Theirs)> ConnectAsync(string? user)
    {
        var ours = await fixture.ConnectAsync();
        var theirs = await RespTestClient.ConnectAsync(fixture.Redis.Port);
        foreach (var (name, rules) in Users)
            Assert.Equal("+OK", await theirs.CallAsync(["ACL", "SETUSER", name, "reset", ">" + Password, .. rules.Split(' ')]));
        if (user is not null)
        {
            Assert.Equal("+OK", await ours.CallAsync("AUTH", user, Password));
            Assert.Equal("+OK", await theirs.CallAsync("AUTH", user, Password));
        }
        return (ours, theirs);
    }

    private static async Task CompareAsync(RespTestClient ours, RespTestClient theirs, params string[][] commands)
    {
        var differences = new List<string>();
        foreach (var command in commands)
        {
            var expected = CommandRulesSorted(await theirs.CallAsync(command));
            var actual = CommandRulesSorted(await ours.CallAsync(command));
            if (expected != actual) differences.Add($"{string.Join(' ', command)}\n    redis: {expected}\n    ours:  {actual}");
        }
        Assert.True(differences.Count == 0, $"{differences.Count} replies differ:\n" + string.Join("\n", differences));
    }

    /// <summary>
    /// Redis describes a user's single-command rules in its command table's hash order, which changes from one process to
    /// the next: within each quoted string, those rules are compared sorted.
    /// </summary>
    private static string CommandRulesSorted(string reply) =>
        System.Text.RegularExpressions.Regex.Replace(reply, "\"([^\"]*)\"", m =>
        {
            var tokens = m.Groups[1].Value.Split(' ');
            bool IsCommandRule(string t) => t.Length > 1 && t[0] is '+' or '-' && !t.Contains('@');
            var sorted = new Queue<string>(tokens.Where(IsCommandRule).Order(StringComparer.Ordinal));
            return "\"" + string.Join(' ', tokens.Select(t => IsCommandRule(t) ? sorted.Dequeue() : t)) + "\"";
        });

    [Theory]
    [InlineData("app")]
    [InlineData("writer")]
    [InlineData("subs")]
    [InlineData("tx")]
    [InlineData("mixed")]
    public async Task A_restricted_user_is_refused_what_its_rules_do_not_allow_as_by_redis(string user)
    {
        var (ours, theirs) = await ConnectAsync(user);
        await using var _ = ours;
        await using var __ = theirs;
        await CompareAsync(ours, theirs,
            ["ACL", "WHOAMI"], ["GET", "app:1"], ["GET", "other"], ["SET", "other", "1"], ["SET", "app:1", "v"], ["GET", "app:1"], ["DEL", "app:1"],
            ["KEYS", "nomatch*"], ["MGET", "app:1", "x"], ["PUBLISH", "news", "x"], ["PUBLISH", "news:1", "x"], ["PUBLISH", "other", "x"], ["SPUBLISH", "news", "x"], ["SPUBLISH", "other", "x"],
            ["CONFIG", "GET", "maxmemory-samples"], ["CONFIG", "SET", "maxmemory-samples", "5"], ["CLIENT", "GETNAME"],
            ["SET", "w:1", "v"], ["GET", "w:1"], ["SET", "w:1", "v", "GET"], ["INCR", "w:2"], ["LPUSH", "w:3", "a"], ["LRANGE", "w:3", "0", "-1"],
            ["DEL", "w:1", "w:2", "w:3"], ["EXISTS", "app:1", "w:1"],
            ["MULTI"], ["SET", "t", "1"], ["DEL", "t"], ["EXEC"],
            ["ACL", "DRYRUN", "app", "get", "x"],
            // Each key is checked for what the command does with it: read, changed, or only looked at.
            ["SET", "w:1", "v"], ["EXISTS", "w:1"], ["TYPE", "w:1"], ["STRLEN", "r:1"], ["SADD", "w:s", "a"], ["SUNIONSTORE", "w:d", "r:a", "r:b"],
            ["SUNIONSTORE", "r:d", "w:s"], ["SET", "rw:a", "1"], ["RENAME", "rw:a", "w:b"], ["GETDEL", "w:b"], ["BITFIELD", "r:b", "GET", "u8", "0"],
            ["BITFIELD", "r:b", "SET", "u8", "0", "1"], ["XGROUP", "CREATE", "w:x", "g", "$", "MKSTREAM"], ["XGROUP", "CREATE", "other", "g", "$", "MKSTREAM"],
            ["XINFO", "GROUPS", "w:x"], ["PFCOUNT", "r:h"], ["PFMERGE", "w:h", "r:h"], ["RPUSH", "rw:l", "a"], ["LMOVE", "rw:l", "w:l", "LEFT", "RIGHT"],
            ["LMOVE", "w:l", "rw:l", "LEFT", "RIGHT"], ["DEL", "w:s", "w:d", "w:x", "w:h", "w:l", "rw:l"],
            ["GEOADD", "rw:g", "13.36", "38.11", "p"], ["RENAME", "rw:g", "r:g"], ["GEOADD", "w:g", "13.36", "38.11", "p"],
            ["GEOSEARCHSTORE", "w:gs", "r:g", "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km"], ["GEORADIUS", "r:g", "15", "37", "200", "km", "STORE", "w:gs"],
            ["GEORADIUS", "w:g", "15", "37", "200", "km", "STORE", "r:gs"],
            ["GEORADIUS", "r:g", "15", "37", "200", "km", "STORE", "w:gs", "STOREDIST", "other"], ["GEORADIUS", "r:g", "15", "37", "200", "km", "STOREDIST", "other", "STORE", "w:gs"],
            ["ZUNIONSTORE", "w:z", "2", "r:g", "w:g"], ["ZUNIONSTORE", "w:z", "1", "r:g"],
            ["DEL", "w:g", "w:gs", "w:z"],
            ["EVAL", "return {redis.acl_check_cmd('get', 'app:1'), redis.acl_check_cmd('set', 'w:1', 'v'), redis.acl_check_cmd('del', 'x'), redis.acl_check_cmd('config', 'set', 'a', 'b')}", "0"]);
    }

    /// <summary>COPY, LCS, OBJECT and SORT: each key checked for what the command does with it; SORT's BY and GET need access to every key.</summary>
    [Theory]
    [InlineData("app")]
    [InlineData("tx")]
    [InlineData("mixed")]
    public async Task COPY_LCS_OBJECT_and_SORT_check_their_keys_as_redis_does(string user)
    {
        var (ours, theirs) = await ConnectAsync(user);
        await using var _ = ours;
        await using var __ = theirs;
        await CompareAsync(ours, theirs,
            ["RPUSH", "rw:l", "2", "1"], ["RENAME", "rw:l", "r:l"], ["SET", "rw:s", "x"], ["RENAME", "rw:s", "r:s"], ["RPUSH", "app:l", "1"],
            ["SORT", "r:l"], ["SORT_RO", "r:l"], ["SORT", "r:l", "STORE", "w:d"], ["SORT", "r:l", "STORE", "r:d"], ["SORT", "w:d"], ["SORT_RO", "app:l"],
            ["SORT_RO", "r:l", "BY", "nosort"], ["SORT_RO", "r:l", "BY", "r:w_*"], ["SORT_RO", "r:l", "GET", "#"], ["SORT_RO", "app:l", "BY", "app:*", "GET", "app:*"],
            ["SORT_RO", "r:l", "LIMIT", "x", "1", "BY", "r:*"], ["SORT_RO", "r:l", "BY", "r:*", "LIMIT", "x", "1"],
            ["COPY", "r:s", "w:c"], ["COPY", "w:c", "r:c"], ["COPY", "app:l", "app:c"], ["LCS", "r:s", "r:s"], ["LCS", "r:s", "w:c"], ["LCS", "app:l", "app:c"],
            ["OBJECT", "ENCODING", "r:s"], ["OBJECT", "ENCODING", "w:c"], ["OBJECT", "ENCODING", "other"], ["OBJECT", "HELP"], ["HRANDFIELD", "r:h"], ["HRANDFIELD", "w:h"],
            ["DEL", "r:l", "r:s", "w:d", "w:c", "app:l", "app:c"]);
    }

    /// <summary>DUMP reads its key; RESTORE only writes its own (Redis' OW UPDATE key spec), so <c>%W~</c> alone allows it.</summary>
    [Theory]
    [InlineData("app")]
    [InlineData("writer")]
    [InlineData("tx")]
    [InlineData("mixed")]
    public async Task DUMP_and_RESTORE_check_their_keys_as_redis_does(string user)
    {
        var (ours, theirs) = await ConnectAsync(user);
        await using var _ = ours;
        await using var __ = theirs;
        await CompareAsync(ours, theirs,
            ["SET", "rw:s", "x"], ["DUMP", "rw:s"], ["DUMP", "r:s"], ["DUMP", "w:s"], ["DUMP", "app:1"], ["DUMP", "other"],
            ["RESTORE", "w:d", "0", "bogus"], ["RESTORE", "r:d", "0", "bogus"], ["RESTORE", "rw:d", "0", "bogus", "REPLACE"], ["RESTORE", "app:d", "0", "bogus"],
            ["ACL", "DRYRUN", "writer", "restore", "w:d", "0", "x"], ["ACL", "DRYRUN", "writer", "dump", "w:d"], ["ACL", "DRYRUN", "app", "dump", "app:1"],
            ["ACL", "DRYRUN", "app", "restore", "app:1", "0", "x"],
            ["DEL", "rw:s"]);
    }

    [Fact]
    public async Task Channels_are_checked_on_subscribe_and_a_pattern_subscription_needs_one_of_the_users_patterns()
    {
        var (ours, theirs) = await ConnectAsync("subs");
        await using var _ = ours;
        await using var __ = theirs;
        await CompareAsync(ours, theirs, ["SUBSCRIBE", "other"], ["SSUBSCRIBE", "other"], ["PSUBSCRIBE", "news:a*"], ["PSUBSCRIBE", "news:*"], ["SUBSCRIBE", "news:1", "news:2"]);
    }

    [Fact]
    public async Task The_ACL_command_describes_the_users_and_answers_dry_runs_as_redis_does()
    {
        var (ours, theirs) = await ConnectAsync(null);
        await using var _ = ours;
        await using var __ = theirs;
        await CompareAsync(ours, theirs,
            ["ACL", "WHOAMI"], ["ACL", "GETUSER", "app"], ["ACL", "GETUSER", "writer"], ["ACL", "GETUSER", "nobody"], ["ACL", "CAT", "nosuch"],
            ["ACL", "WHOAMI", "x"], ["ACL", "FOO"],
            ["ACL", "DRYRUN", "app", "get", "x"], ["ACL", "DRYRUN", "app", "get", "app:x"], ["ACL", "DRYRUN", "app", "keys", "*"],
            ["ACL", "DRYRUN", "app", "config", "get", "x"], ["ACL", "DRYRUN", "nobody", "get", "x"], ["ACL", "DRYRUN", "app", "nocmd"],
            ["ACL", "DRYRUN", "app", "get"], ["ACL", "DRYRUN", "subs", "publish", "other", "x"], ["ACL", "DRYRUN", "writer", "get", "w:1"],
            ["AUTH", "off", Password], ["AUTH", "app", "wrong"]);
        // Redis lists a category's commands in its hash table's order.
        static string Sorted(string reply) => string.Join(",", reply.Trim('[', ']').Split(", ").Order(StringComparer.Ordinal));
        Assert.Equal(Sorted(await theirs.CallAsync("ACL", "CAT", "hyperloglog")), Sorted(await ours.CallAsync("ACL", "CAT", "hyperloglog")));
        var list = await ours.CallAsync("ACL", "LIST");
        foreach (var (name, _) in Users)
        {
            var line = CommandRulesSorted(await LineOf(theirs, name));
            Assert.True(CommandRulesSorted(list).Contains(line), $"redis lists {line}, and we {list}");
        }
    }

    private static async Task<string> LineOf(RespTestClient client, string user) =>
        (await client.CallAsync("ACL", "LIST")).Split(", ").Single(l => l.Contains($"user {user} ")).Trim('[', ']');

    [Fact]
    public async Task A_scripts_calls_are_checked_against_its_callers_rules_as_by_redis()
    {
        var (ours, theirs) = await ConnectAsync("tx");
        await using var _ = ours;
        await using var __ = theirs;
        await CompareAsync(ours, theirs,
            ["EVAL", "return redis.call('set', KEYS[1], 'v')", "1", "s:1"],
            ["EVAL", "local r = redis.call('del', KEYS[1])\nreturn r", "1", "s:1"],
            ["EVAL", "return redis.pcall('del', KEYS[1])", "1", "s:1"],
            ["EVAL", "return redis.call('get', KEYS[1])", "1", "s:1"]);
        var (app, redisApp) = await ConnectAsync("app");
        await using var ___ = app;
        await using var ____ = redisApp;
        // app may not run EVAL at all; writer may, but reads no key.
        var (writer, redisWriter) = await ConnectAsync("writer");
        await using var _____ = writer;
        await using var ______ = redisWriter;
        await CompareAsync(app, redisApp, ["EVAL", "return 1", "0"]);
        await CompareAsync(writer, redisWriter,
            ["EVAL", "return redis.call('lpush', KEYS[1], 'a')", "1", "w:s"],
            ["EVAL", "local r = redis.call('lrange', KEYS[1], 0, -1) return r", "1", "w:s"],
            ["EVAL", "return redis.pcall('lpush', 'w:other', 'a')", "1", "w:s"],
            ["EVAL", "return redis.pcall('get', KEYS[1])", "1", "other"],
            ["DEL", "w:s"]);
    }

    [Fact]
    public async Task Refusals_and_failed_logins_are_logged_as_by_redis()
    {
        var (admin, redisAdmin) = await ConnectAsync(null);
        await using var _ = admin;
        await using var __ = redisAdmin;
        Assert.Equal("+OK", await admin.CallAsync("ACL", "LOG", "RESET"));
        Assert.Equal("+OK", await redisAdmin.CallAsync("ACL", "LOG", "RESET"));
        var (app, redisApp) = await ConnectAsync("app");
        await using var ___ = app;
        await using var ____ = redisApp;
        await CompareAsync(app, redisApp, ["GET", "other"], ["GET", "other"], ["KEYS", "*"], ["PUBLISH", "other", "x"], ["AUTH", "app", "wrong"], ["RESET"], ["ACL", "WHOAMI"]);
        // Ages and client details differ between the two servers: compare the rest.
        static string Logged(string reply) => System.Text.RegularExpressions.Regex.Replace(reply, "\"age-seconds\", [^,]+, \"client-info\", \"[^\"]*\"", "");
        await CompareAsync(admin, redisAdmin, ["ACL", "LOG", "x"], ["ACL", "LOG", "-1"]);
        Assert.Equal(Logged(await redisAdmin.CallAsync("ACL", "LOG")), Logged(await admin.CallAsync("ACL", "LOG")));
        Assert.Equal(Logged(await redisAdmin.CallAsync("ACL", "LOG", "2")), Logged(await admin.CallAsync("ACL", "LOG", "2")));
        Assert.Contains("user=app", await admin.CallAsync("ACL", "LOG", "1"));
    }

    [Theory]
    [InlineData("on ~* +@nosuch", "Unknown command or category name in ACL")]
    [InlineData("on ~* +nosuchcommand", "Unknown command or category name in ACL")]
    [InlineData("on ~* +@all bogus", "Error in ACL SETUSER modifier 'bogus': Syntax error")]
    [InlineData("on %X~a +@all", "Error in ACL SETUSER modifier '%X~a': Syntax error")]
    [InlineData("on >secret +@all", "passwords are configured with Cache:Users")]
    public void Rules_that_cannot_be_read_are_refused_with_redis_words(string rules, string problem) =>
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => AclRules.Parse("u", rules)).Message);

    [Fact]
    public void Rules_apply_in_order_and_name_commands_subcommands_and_categories()
    {
        var user = AclRules.Parse("u", "on ~a:* %R~r:* &c +@all -@dangerous +flushall -client|kill");
        Assert.True(user.MayRun("get"));
        Assert.False(user.MayRun("keys"));
        Assert.True(user.MayRun("flushall"));
        Assert.True(user.MayRun("client|setname"));
        Assert.False(user.MayRun("client|kill"));
        Assert.True(user.MayAccess("a:1"u8, read: true, write: true));
        Assert.True(user.MayAccess("r:1"u8, read: true, write: false));
        Assert.False(user.MayAccess("r:1"u8, read: true, write: true));
        Assert.False(user.MayAccess("b"u8, read: true, write: false));
        Assert.False(user.Unrestricted);
        Assert.True(AclRules.Parse("d", AclRules.Everything).Unrestricted);
        Assert.False(AclRules.Parse("u", "on ~* &* +@all -get").Unrestricted);
        Assert.False(AclRules.Parse("u", "reset +@all ~*").Enabled);
    }

    [Fact]
    public void The_silo_refuses_rules_for_a_user_it_does_not_have_or_rules_it_cannot_read()
    {
        var options = new DataTier.Cache.CacheOptions { Users = { ["app"] = "pw" }, UserAccess = { ["app"] = "on ~* +@read", ["default"] = "on ~* +@all -flushall" } };
        options.Validate();
        options.UserAccess["ghost"] = "on +@all";
        Assert.Contains("Cache:UserAccess:ghost gives rules to a user that is not configured", Assert.Throws<ArgumentException>(options.Validate).Message);
        options.UserAccess.Remove("ghost");
        options.UserAccess["app"] = "on +@nosuch";
        Assert.StartsWith("Cache:UserAccess:app: Error in ACL SETUSER modifier '+@nosuch'", Assert.Throws<ArgumentException>(options.Validate).Message);
    }
}
