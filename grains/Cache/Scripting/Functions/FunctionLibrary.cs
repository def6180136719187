using System.Security.Cryptography;

namespace DataTier.Cache.Scripting.Functions;

/// <summary>A loaded library: its name, its whole code (shebang line included, as FUNCTION LIST WITHCODE shows it) and its functions.</summary>
[GenerateSerializer, Immutable]
public sealed class FunctionLibrary(string name, byte[] code, FunctionInfo[] functions)
{
    [Id(0)] public string Name { get; } = name;

    [Id(1)] public byte[] Code { get; } = code;

    [Id(2)] public FunctionInfo[] Functions { get; } = functions;

    [NonSerialized] private string? _sha;

    /// <summary>The SHA-1 of the code: what a Lua state knows the compiled library by.</summary>
    public string Sha => _sha ??= Convert.ToHexStringLower(SHA1.HashData(Code));

    /// <summary>The code after the shebang line, from its newline, so that Lua counts the lines as the whole code has them.</summary>
    public static byte[] BodyOf(byte[] code)
    {
        var newline = Array.IndexOf(code, (byte)'\n');
        return newline < 0 ? [] : code[newline..];
    }
}
