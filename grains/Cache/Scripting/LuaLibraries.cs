using KeraLua;

namespace DataTier.Cache.Scripting;

/// <summary>
/// The libraries Redis gives scripts beside Lua's own: cjson, cmsgpack, bit and struct, written in Lua (embedded
/// resources under <c>Lua/</c>) so that their errors are ordinary Lua errors, never raised from managed code.
/// </summary>
internal static class LuaLibraries
{
    private static readonly string[] Names = ["cjson", "cmsgpack", "bit", "struct"];

    private static readonly Lazy<(string Name, byte[] Source)[]> Sources = new(() =>
        [.. Names.Select(name => (name, Read(name)))]);

    private static readonly Lazy<byte[]> Where = new(() => Read("where"));

    /// <summary>Loads each library into the state as a global of its name; cjson's null is the NULL light userdata.</summary>
    /// <remarks>Each library's chunk is given the null and <c>where.lua</c>'s function, which raises its errors.</remarks>
    public static void Open(Lua lua)
    {
        Load(lua, "where", Where.Value, 0);
        var raise = lua.GetTop();
        foreach (var (name, source) in Sources.Value)
        {
            lua.PushLightUserData(IntPtr.Zero);
            lua.PushCopy(raise);
            Load(lua, name, source, 2);
            lua.SetGlobal(name);
        }
        lua.Pop(1);
    }

    /// <summary>Runs a library's chunk with the <paramref name="arguments"/> on top of the stack, leaving what it returns.</summary>
    private static void Load(Lua lua, string name, byte[] source, int arguments)
    {
        if (lua.LoadBuffer(source, "=" + name) != LuaStatus.OK)
            throw new InvalidOperationException($"The Lua library {name} failed to compile: {lua.ToString(-1)}");
        lua.Insert(-1 - arguments);
        if (lua.PCall(arguments, 1, 0) != LuaStatus.OK)
            throw new InvalidOperationException($"The Lua library {name} failed to load: {lua.ToString(-1)}");
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(LuaLibraries).Assembly.GetManifestResourceStream($"DataTier.Cache.Scripting.Lua.{name}.lua")
            ?? throw new InvalidOperationException($"The Lua library {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
