using System.Text.Json;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>
/// Redis' Lua libraries used as applications use them, where a reply cannot be compared with redis-server's byte for
/// byte (the order of a table's keys differs between Lua 5.1 and 5.4); the exact replies are in the differential tests.
/// </summary>
[Collection("cache-wire")]
public sealed class LuaLibraryTests(CacheSiloFixture fixture)
{
    [Fact]
    public async Task A_script_reads_a_JSON_document_changes_it_and_writes_it_back()
    {
        await using var client = await fixture.ConnectAsync();
        var key = $"doc-{Guid.NewGuid():N}";
        Assert.Equal("+OK", await client.CallAsync("SET", key, """{"name":"ada","visits":41,"tags":["a","b"],"address":{"city":"London"},"note":null}"""));
        const string Script = """
            local doc = cjson.decode(redis.call('GET', KEYS[1]))
            doc.visits = doc.visits + 1
            doc.tags[#doc.tags + 1] = ARGV[1]
            doc.address.zip = 'N1'
            redis.call('SET', KEYS[1], cjson.encode(doc))
            return doc.visits
            """;
        Assert.Equal(":42", await client.CallAsync("EVAL", Script, "1", key, "c/d"));

        var stored = await client.CallAsync("GET", key);
        using var json = JsonDocument.Parse(stored[1..^1]);
        var root = json.RootElement;
        Assert.Equal("ada", root.GetProperty("name").GetString());
        Assert.Equal(42, root.GetProperty("visits").GetInt32());
        Assert.Equal(["a", "b", "c/d"], root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.Equal("London", root.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("N1", root.GetProperty("address").GetProperty("zip").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("note").ValueKind);
        Assert.Contains("c\\/d", stored);
    }

    [Fact]
    public async Task A_map_packed_with_cmsgpack_by_one_script_is_read_by_another()
    {
        await using var client = await fixture.ConnectAsync();
        var key = $"{{job}}-{Guid.NewGuid():N}";
        Assert.Equal("+OK", await client.CallAsync("EVAL",
            "return redis.call('SET', KEYS[1], cmsgpack.pack({ id = ARGV[1], attempts = 3, delay = 1.5, data = { 'x', 'y' }, done = false }))",
            "1", key, "job-7"));
        const string Read = """
            local job = cmsgpack.unpack(redis.call('GET', KEYS[1]))
            return { job.id, job.attempts, tostring(job.delay), job.data[2], tostring(job.done) }
            """;
        Assert.Equal("[\"job-7\", :3, \"1.5\", \"y\", \"false\"]", await client.CallAsync("EVAL", Read, "1", key));
    }

    [Fact]
    public async Task Lua_values_survive_a_JSON_and_a_MessagePack_round_trip()
    {
        await using var client = await fixture.ConnectAsync();
        const string Script = """
            local value = { n = -12345678901, f = 0.25, s = 'caf\195\169 \0 "q"', list = { 1, 2, { deep = true } }, empty = {} }
            local function same(a, b)
                if type(a) ~= type(b) then return false end
                if type(a) ~= 'table' then return a == b end
                for k, v in pairs(a) do if not same(v, b[k]) then return false end end
                for k in pairs(b) do if a[k] == nil then return false end end
                return true
            end
            return { tostring(same(value, cjson.decode(cjson.encode(value)))), tostring(same(value, cmsgpack.unpack(cmsgpack.pack(value)))) }
            """;
        Assert.Equal("[\"true\", \"true\"]", await client.CallAsync("EVAL", Script, "0"));
    }
}
