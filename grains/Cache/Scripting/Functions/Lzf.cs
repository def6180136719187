namespace DataTier.Cache.Scripting.Functions;

/// <summary>LZF decompression (the format of liblzf, which Redis uses for RDB strings).</summary>
public static class Lzf
{
    /// <summary>The data <paramref name="input"/> compresses, which must be <paramref name="length"/> bytes; null when it is not valid LZF.</summary>
    public static byte[]? Decompress(ReadOnlySpan<byte> input, int length)
    {
        var output = new byte[length];
        int ip = 0, op = 0;
        while (ip < input.Length)
        {
            int control = input[ip++];
            if (control < 32)
            {
                // A literal run of control + 1 bytes.
                var run = control + 1;
                if (ip + run > input.Length || op + run > length) return null;
                input.Slice(ip, run).CopyTo(output.AsSpan(op));
                ip += run;
                op += run;
                continue;
            }
            // A back reference: length in the top 3 bits (7: one more byte), offset in the low 5 and the next byte.
            var count = control >> 5;
            if (count == 7)
            {
                if (ip >= input.Length) return null;
                count += input[ip++];
            }
            if (ip >= input.Length) return null;
            var from = op - ((control & 0x1f) << 8) - input[ip++] - 1;
            count += 2;
            if (from < 0 || op + count > length) return null;
            // Byte by byte: the copy may overlap what it writes.
            for (var i = 0; i < count; i++) output[op++] = output[from++];
        }
        return op == length ? output : null;
    }
}
