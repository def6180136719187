namespace DataTier.Cache.Dump;

/// <summary>
/// LZF, the compression Redis applies to strings over 20 bytes in RDB files and DUMP payloads: a stream of literal runs
/// (a control byte below 32: that many plus one bytes follow) and back references (the top three bits of the control
/// byte are the length less two, 7 meaning a further length byte follows; the low five bits and the next byte are the
/// distance back less one).
/// </summary>
public static class Lzf
{
    private const int MaxLiteral = 32;
    private const int MaxOffset = 1 << 13;
    private const int MaxReference = (1 << 8) + (1 << 3);
    private const int HashBits = 14;

    /// <summary>The data decompressed into exactly <paramref name="length"/> bytes; throws <see cref="DumpFormatException"/> when it does not decode to that.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> input, int length)
    {
        // A 3-byte back reference makes at most 264 bytes: a larger stated length is corrupt (and not to be allocated).
        if (length > (long)input.Length * MaxReference) throw Corrupt();
        var output = new byte[length];
        int i = 0, o = 0;
        while (i < input.Length)
        {
            int control = input[i++];
            if (control < MaxLiteral)
            {
                var run = control + 1;
                if (o + run > length || i + run > input.Length) throw Corrupt();
                input.Slice(i, run).CopyTo(output.AsSpan(o));
                i += run;
                o += run;
                continue;
            }
            var count = control >> 5;
            if (count == 7)
            {
                if (i >= input.Length) throw Corrupt();
                count += input[i++];
            }
            if (i >= input.Length) throw Corrupt();
            var from = o - ((control & 0x1f) << 8) - 1 - input[i++];
            count += 2;
            if (from < 0 || o + count > length) throw Corrupt();
            // Byte by byte: a reference may overlap the bytes it produces (a repeated run).
            for (var k = 0; k < count; k++) output[o++] = output[from++];
        }
        if (o != length) throw Corrupt();
        return output;
    }

    /// <summary>The data compressed, or null when that would not fit in <paramref name="limit"/> bytes.</summary>
    public static byte[]? Compress(ReadOnlySpan<byte> input, int limit)
    {
        if (input.Length < 4 || limit <= 0) return null;
        var output = new byte[limit + MaxLiteral + 2];
        var table = new int[1 << HashBits];
        Array.Fill(table, -1);
        int i = 0, o = 1, literal = 0;
        while (i + 2 < input.Length)
        {
            var hash = Hash(input, i);
            var reference = table[hash];
            table[hash] = i;
            var distance = i - reference - 1;
            if (reference >= 0 && distance < MaxOffset && input[reference] == input[i] && input[reference + 1] == input[i + 1]
                && input[reference + 2] == input[i + 2])
            {
                var maxLength = Math.Min(MaxReference, input.Length - i);
                var matched = 3;
                while (matched < maxLength && input[reference + matched] == input[i + matched]) matched++;
                if (o + 3 + 1 >= limit) return null;
                // Close the literal run before the reference (or drop its empty control byte).
                if (literal > 0) output[o - literal - 1] = (byte)(literal - 1);
                else o--;
                var len = matched - 2;
                if (len < 7) output[o++] = (byte)((len << 5) | (distance >> 8));
                else
                {
                    output[o++] = (byte)((7 << 5) | (distance >> 8));
                    output[o++] = (byte)(len - 7);
                }
                output[o++] = (byte)distance;
                literal = 0;
                o++;
                for (var k = 1; k < matched && i + k + 2 < input.Length; k++) table[Hash(input, i + k)] = i + k;
                i += matched;
                continue;
            }
            if (!Literal(input[i++], output, ref o, ref literal, limit)) return null;
        }
        while (i < input.Length)
            if (!Literal(input[i++], output, ref o, ref literal, limit)) return null;
        if (literal > 0) output[o - literal - 1] = (byte)(literal - 1);
        else o--;
        return o <= limit ? output.AsSpan(0, o).ToArray() : null;
    }

    private static bool Literal(byte b, byte[] output, ref int o, ref int literal, int limit)
    {
        if (o >= limit) return false;
        output[o++] = b;
        if (++literal == MaxLiteral)
        {
            output[o - literal - 1] = MaxLiteral - 1;
            literal = 0;
            o++;
        }
        return true;
    }

    private static int Hash(ReadOnlySpan<byte> data, int at)
    {
        var v = (data[at] << 16) | (data[at + 1] << 8) | data[at + 2];
        return (int)(((uint)v * 2654435761u) >> (32 - HashBits));
    }

    private static DumpFormatException Corrupt() => new("LZF data does not decode to its stated length");
}
