namespace DataTier.Cache.Commands;

/// <summary>Helpers to read command arguments.</summary>
public static class Arg
{
    /// <summary>ASCII case-insensitive comparison with a lowercase word.</summary>
    public static bool Is(ReadOnlySpan<byte> arg, string lowerWord)
    {
        if (arg.Length != lowerWord.Length) return false;
        for (var i = 0; i < arg.Length; i++)
        {
            var c = arg[i];
            if (c is >= (byte)'A' and <= (byte)'Z') c += 32;
            if (c != lowerWord[i]) return false;
        }
        return true;
    }

    public static string Text(byte[] arg) => System.Text.Encoding.UTF8.GetString(arg);

    public static string Lower(byte[] arg) => Text(arg).ToLowerInvariant();
}
