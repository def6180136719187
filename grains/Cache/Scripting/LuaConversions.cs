using KeraLua;

namespace DataTier.Cache.Scripting;

/// <summary>
/// Redis' conversions between Lua values and replies. Replies reach a script as RESP2 shapes them unless the script
/// called <c>redis.setresp(3)</c>: then as RESP3 does (nulls as nil, maps as <c>{map = {...}}</c>, sets as
/// <c>{set = {member = true}}</c>, doubles as <c>{double = n}</c>, booleans as booleans). What a script returns is
/// converted the same way whatever its protocol, except its booleans, which are RESP3 booleans after setresp(3).
/// </summary>
internal static class LuaConversions
{
    /// <summary>The Lua value at <paramref name="index"/> as a reply.</summary>
    public static CacheReply ToReply(Lua lua, int index, int resp)
    {
        if (index < 0) index = lua.GetTop() + index + 1;
        switch (lua.Type(index))
        {
            case LuaType.Number:
                return CacheReply.Int(lua.IsInteger(index) ? lua.ToInteger(index) : (long)lua.ToNumber(index));
            case LuaType.String:
                return CacheReply.Bulk(lua.ToBuffer(index));
            case LuaType.Boolean:
                if (resp == 3) return CacheReply.Boolean(lua.ToBoolean(index));
                return lua.ToBoolean(index) ? CacheReply.One : CacheReply.Nil;
            case LuaType.Table:
                return TableToReply(lua, index, resp);
            default:
                return CacheReply.Nil;
        }
    }

    /// <summary>A table by its first field Redis looks for (err, ok, double, big_number, map, set, verbatim_string), else an array up to its first nil.</summary>
    private static CacheReply TableToReply(Lua lua, int index, int resp)
    {
        if (StringField(lua, index, "err") is { } err) return CacheReply.Error(err);
        if (StringField(lua, index, "ok") is { } ok) return CacheReply.Simple(ok);
        if (lua.GetField(index, "double") == LuaType.Number)
        {
            var value = lua.ToNumber(-1);
            lua.Pop(1);
            return CacheReply.Number(value);
        }
        lua.Pop(1);
        if (StringField(lua, index, "big_number") is { } digits) return CacheReply.BigNumber(digits);
        if (lua.GetField(index, "map") == LuaType.Table)
        {
            var map = Entries(lua, lua.GetTop(), resp, values: true);
            lua.Pop(1);
            return CacheReply.Map(map);
        }
        lua.Pop(1);
        if (lua.GetField(index, "set") == LuaType.Table)
        {
            var members = Entries(lua, lua.GetTop(), resp, values: false);
            lua.Pop(1);
            return CacheReply.Members(members);
        }
        lua.Pop(1);
        if (lua.GetField(index, "verbatim_string") == LuaType.Table)
        {
            var text = StringField(lua, lua.GetTop(), "string");
            lua.Pop(1);
            if (text is not null) return CacheReply.Verbatim(text);
        }
        else lua.Pop(1);
        var items = new List<CacheReply>();
        for (long i = 1; ; i++)
        {
            if (lua.RawGetInteger(index, i) == LuaType.Nil)
            {
                lua.Pop(1);
                break;
            }
            items.Add(ToReply(lua, -1, resp));
            lua.Pop(1);
        }
        return CacheReply.Array([.. items]);
    }

    /// <summary>A table's keys (and, for a map, their values), flattened, in Lua's order.</summary>
    private static CacheReply[] Entries(Lua lua, int table, int resp, bool values)
    {
        var entries = new List<CacheReply>();
        lua.PushNil();
        while (lua.Next(table))
        {
            entries.Add(ToReply(lua, -2, resp));
            if (values) entries.Add(ToReply(lua, -1, resp));
            lua.Pop(1);
        }
        return [.. entries];
    }

    private static string? StringField(Lua lua, int index, string name)
    {
        lua.GetField(index, name);
        var value = lua.Type(-1) == LuaType.String ? lua.ToString(-1) : null;
        lua.Pop(1);
        return value;
    }

    /// <summary>A reply pushed as a Lua value, as the script's protocol shapes it (errors and statuses as tables with err and ok).</summary>
    public static void Push(Lua lua, CacheReply reply, int resp)
    {
        switch (reply.Kind)
        {
            case ReplyKind.Integer:
                lua.PushInteger(reply.Integer);
                break;
            case ReplyKind.Boolean:
                if (resp == 3) lua.PushBoolean(reply.Integer != 0);
                else lua.PushInteger(reply.Integer);
                break;
            case ReplyKind.Bulk:
                lua.PushBuffer(reply.Bytes!);
                break;
            case ReplyKind.Null or ReplyKind.NullArray:
                if (resp == 3) lua.PushNil();
                else lua.PushBoolean(false);
                break;
            case ReplyKind.Simple:
                PushField(lua, "ok", reply.Text!);
                break;
            case ReplyKind.Error:
                PushField(lua, "err", reply.Text!);
                break;
            case ReplyKind.Double:
                if (resp == 3)
                {
                    lua.CreateTable(0, 1);
                    lua.PushNumber(reply.Double);
                    lua.SetField(-2, "double");
                }
                else lua.PushString(ScoreFormat.Format(reply.Double));
                break;
            case ReplyKind.BigNumber:
                if (resp == 3) PushField(lua, "big_number", reply.Text!);
                else lua.PushString(reply.Text!);
                break;
            case ReplyKind.HumanDouble:
                if (resp == 3)
                {
                    lua.CreateTable(0, 1);
                    lua.PushNumber(double.Parse(reply.Text!, System.Globalization.CultureInfo.InvariantCulture));
                    lua.SetField(-2, "double");
                }
                else lua.PushString(reply.Text!);
                break;
            case ReplyKind.Verbatim:
                if (resp == 3)
                {
                    lua.CreateTable(0, 1);
                    lua.CreateTable(0, 2);
                    lua.PushString("txt");
                    lua.SetField(-2, "format");
                    lua.PushString(reply.Text!);
                    lua.SetField(-2, "string");
                    lua.SetField(-2, "verbatim_string");
                }
                else lua.PushString(reply.Text!);
                break;
            case ReplyKind.Map or ReplyKind.KeyedPairs when resp == 3:
                PushKeyed(lua, "map", reply.Items!, resp, values: true);
                break;
            case ReplyKind.Set when resp == 3:
                PushKeyed(lua, "set", reply.Items!, resp, values: false);
                break;
            case ReplyKind.KeyedPairs:
            case ReplyKind.ScorePairs when resp == 3:
                // RESP2's XREAD and RESP3's WITHSCORES: an array of two-element arrays.
                PushPairs(lua, reply.Items!, resp);
                break;
            default:
                var items = reply.Items ?? [];
                lua.CreateTable(items.Length, 0);
                for (var i = 0; i < items.Length; i++)
                {
                    Push(lua, items[i], resp);
                    lua.RawSetInteger(-2, i + 1);
                }
                break;
        }
    }

    /// <summary>RESP3's map or set: <c>{map = {key = value}}</c>, <c>{set = {member = true}}</c>.</summary>
    private static void PushKeyed(Lua lua, string field, CacheReply[] items, int resp, bool values)
    {
        lua.CreateTable(0, 1);
        lua.CreateTable(0, values ? items.Length / 2 : items.Length);
        for (var i = 0; i < items.Length; i += values ? 2 : 1)
        {
            Push(lua, items[i], resp);
            if (values) Push(lua, items[i + 1], resp);
            else lua.PushBoolean(true);
            lua.SetTable(-3);
        }
        lua.SetField(-2, field);
    }

    private static void PushPairs(Lua lua, CacheReply[] items, int resp)
    {
        lua.CreateTable(items.Length / 2, 0);
        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            lua.CreateTable(2, 0);
            Push(lua, items[i], resp);
            lua.RawSetInteger(-2, 1);
            Push(lua, items[i + 1], resp);
            lua.RawSetInteger(-2, 2);
            lua.RawSetInteger(-2, i / 2 + 1);
        }
    }

    private static void PushField(Lua lua, string name, string value)
    {
        lua.CreateTable(0, 1);
        lua.PushString(value);
        lua.SetField(-2, name);
    }
}
