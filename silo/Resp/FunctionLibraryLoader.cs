using DataTier.Cache.Commands;
using DataTier.Cache.Scripting;
using DataTier.Cache.Scripting.Functions;

namespace DataTier.Silo.Resp;

/// <summary>
/// A library's code read as FUNCTION LOAD and RESTORE read it: the shebang line (<c>#!lua name=mylib</c>, split as
/// Redis splits it), then the code compiled and run on this thread's Lua state to learn its functions.
/// </summary>
internal static class FunctionLibraryLoader
{
    /// <summary>The library's name from its shebang line, or the error Redis answers for the line.</summary>
    public static (string? Name, string? Error) ReadMetadata(byte[] code)
    {
        if (!code.AsSpan().StartsWith("#!"u8)) return (null, "ERR Missing library metadata");
        var newline = Array.IndexOf(code, (byte)'\n');
        if (newline < 0 || !InlineSplitter.TrySplit(code.AsSpan(0, newline), out var parts) || parts.Count == 0) return (null, "ERR Invalid library metadata");
        string? name = null;
        foreach (var part in parts.Skip(1))
        {
            if (part.Length < 5 || !Arg.Is(part.AsSpan(0, 5), "name=")) return (null, "ERR Invalid metadata value given: " + Arg.Text(part));
            if (name is not null) return (null, "ERR Invalid metadata value, name argument was given multiple times");
            name = Arg.Text(part[5..]);
        }
        if (name is null) return (null, "ERR Library name was not given");
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return (null, "ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
        var engine = Arg.Text(parts[0][2..]);
        if (!engine.Equals("lua", StringComparison.OrdinalIgnoreCase)) return (null, $"ERR Engine '{engine}' not found");
        return (name, null);
    }

    /// <summary>The library with the functions its code registers, or the error Redis answers for the code.</summary>
    public static (FunctionLibrary? Library, string? Error) Compile(string name, byte[] code)
    {
        var library = new FunctionLibrary(name, code, []);
        var (functions, error) = LuaEngine.LoadLibrary(library.Sha, FunctionLibrary.BodyOf(code));
        return functions is null ? (null, error) : (new FunctionLibrary(name, code, functions), null);
    }

    /// <summary>Both steps, for a library that may replace any of the same name (FUNCTION RESTORE's).</summary>
    public static (FunctionLibrary? Library, string? Error) Load(byte[] code)
    {
        var (name, error) = ReadMetadata(code);
        return name is null ? (null, error) : Compile(name, code);
    }
}
