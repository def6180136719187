using System.Buffers;

namespace DataTier.Silo.Resp;

/// <summary>
/// Reads commands from a client's bytes: RESP arrays of bulk strings (what clients send) and inline
/// commands (what a person types into telnet), with Redis' protocol errors.
/// </summary>
public static class RespReader
{
    private const int MaxInlineLength = 64 * 1024;
    private const int MaxArguments = 1024 * 1024;

    public static RespParseResult TryRead(ref SequenceReader<byte> reader, int maxBulk, out byte[][] args, out string? error)
    {
        args = [];
        error = null;
        if (!reader.TryPeek(out var first)) return RespParseResult.Incomplete;
        return first == '*' ? TryReadArray(ref reader, maxBulk, out args, out error) : TryReadInline(ref reader, out args, out error);
    }

    private static RespParseResult TryReadArray(ref SequenceReader<byte> reader, int maxBulk, out byte[][] args, out string? error)
    {
        // Most commands arrive whole in one segment: parsed from its span, without the sequence's per-call costs.
        var fast = TryReadArray(reader.UnreadSpan, maxBulk, out args, out error, out var consumed);
        if (fast != RespParseResult.Incomplete)
        {
            reader.Advance(consumed);
            return fast;
        }
        return TryReadArraySegmented(ref reader, maxBulk, out args, out error);
    }

    /// <summary>A command from one span; Incomplete when the span ends before it does (it may go on in the next segment).</summary>
    private static RespParseResult TryReadArray(ReadOnlySpan<byte> span, int maxBulk, out byte[][] args, out string? error, out int consumed)
    {
        args = [];
        error = null;
        consumed = 0;
        var pos = 1;
        if (!TryReadLine(span, ref pos, out var countLine)) return RespParseResult.Incomplete;
        if (!TryParseInt(countLine, out var count) || count > MaxArguments)
        {
            error = "ERR Protocol error: invalid multibulk length";
            return RespParseResult.ProtocolError;
        }
        if (count <= 0)
        {
            consumed = pos;
            return RespParseResult.Empty;
        }
        // Each argument takes at least four bytes ("$0\r\n"): a count the span cannot hold is left to the segmented path.
        if (count > (span.Length - pos) / 4) return RespParseResult.Incomplete;
        var result = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            if (pos >= span.Length) return RespParseResult.Incomplete;
            if (span[pos] != '$')
            {
                error = $"ERR Protocol error: expected '$', got '{(char)span[pos]}'";
                return RespParseResult.ProtocolError;
            }
            pos++;
            if (!TryReadLine(span, ref pos, out var lengthLine)) return RespParseResult.Incomplete;
            if (!TryParseInt(lengthLine, out var length) || length < 0 || length > maxBulk)
            {
                error = "ERR Protocol error: invalid bulk length";
                return RespParseResult.ProtocolError;
            }
            if (span.Length - pos < length + 2) return RespParseResult.Incomplete;
            result[i] = span.Slice(pos, length).ToArray();
            pos += length + 2;
        }
        args = result;
        consumed = pos;
        return RespParseResult.Command;
    }

    private static bool TryReadLine(ReadOnlySpan<byte> span, ref int pos, out ReadOnlySpan<byte> line)
    {
        var end = span[pos..].IndexOf((byte)'\n');
        if (end < 0)
        {
            line = default;
            return false;
        }
        line = span.Slice(pos, end);
        if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
        pos += end + 1;
        return true;
    }

    private static bool TryParseInt(ReadOnlySpan<byte> line, out int value)
    {
        value = 0;
        return line.Length is > 0 and <= 11 && System.Buffers.Text.Utf8Parser.TryParse(line, out value, out var consumed) && consumed == line.Length;
    }

    private static RespParseResult TryReadArraySegmented(ref SequenceReader<byte> reader, int maxBulk, out byte[][] args, out string? error)
    {
        args = [];
        error = null;
        var start = reader.Consumed;
        reader.Advance(1);
        if (!TryReadLine(ref reader, out var countLine)) return Rewind(ref reader, start);
        if (!TryParseInt(countLine, out var count) || count > MaxArguments)
        {
            error = "ERR Protocol error: invalid multibulk length";
            return RespParseResult.ProtocolError;
        }
        if (count <= 0) return RespParseResult.Empty;
        var result = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryRead(out var marker)) return Rewind(ref reader, start);
            if (marker != '$')
            {
                error = $"ERR Protocol error: expected '$', got '{(char)marker}'";
                return RespParseResult.ProtocolError;
            }
            if (!TryReadLine(ref reader, out var lengthLine)) return Rewind(ref reader, start);
            if (!TryParseInt(lengthLine, out var length) || length < 0 || length > maxBulk)
            {
                error = "ERR Protocol error: invalid bulk length";
                return RespParseResult.ProtocolError;
            }
            if (reader.Remaining < length + 2) return Rewind(ref reader, start);
            var value = new byte[length];
            reader.TryCopyTo(value);
            reader.Advance(length + 2);
            result[i] = value;
        }
        args = result;
        return RespParseResult.Command;
    }

    private static RespParseResult Rewind(ref SequenceReader<byte> reader, long start)
    {
        reader.Rewind(reader.Consumed - start);
        return RespParseResult.Incomplete;
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        if (!reader.TryReadTo(out line, (byte)'\n')) return false;
        if (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == '\r') line = line.Slice(0, line.Length - 1);
        return true;
    }

    private static bool TryParseInt(ReadOnlySequence<byte> line, out int value)
    {
        value = 0;
        if (line.Length is 0 or > 11) return false;
        Span<byte> buffer = stackalloc byte[(int)line.Length];
        line.CopyTo(buffer);
        return TryParseInt(buffer, out value);
    }

    private static RespParseResult TryReadInline(ref SequenceReader<byte> reader, out byte[][] args, out string? error)
    {
        args = [];
        error = null;
        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
        {
            if (reader.Remaining > MaxInlineLength)
            {
                error = "ERR Protocol error: too big inline request";
                return RespParseResult.ProtocolError;
            }
            return RespParseResult.Incomplete;
        }
        var text = line.ToArray().AsSpan();
        if (text.Length > 0 && text[^1] == '\r') text = text[..^1];
        if (!InlineSplitter.TrySplit(text, out var parts))
        {
            error = "ERR Protocol error: unbalanced quotes in request";
            return RespParseResult.ProtocolError;
        }
        if (parts.Count == 0) return RespParseResult.Empty;
        args = [.. parts];
        return RespParseResult.Command;
    }
}
