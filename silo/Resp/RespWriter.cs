using System.Buffers;
using System.Buffers.Text;
using System.Text;
using DataTier.Cache;

namespace DataTier.Silo.Resp;

/// <summary>Writes replies in RESP2 or RESP3 (chosen by the client with HELLO).</summary>
public static class RespWriter
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    public static void Write(IBufferWriter<byte> output, CacheReply reply, int protocol)
    {
        switch (reply.Kind)
        {
            case ReplyKind.Simple:
                WriteLine(output, (byte)'+', reply.Text!);
                break;
            case ReplyKind.Error:
                WriteLine(output, (byte)'-', reply.Text!);
                break;
            case ReplyKind.Integer:
                WriteNumber(output, (byte)':', reply.Integer);
                break;
            case ReplyKind.Bulk:
                WriteBulk(output, reply.Bytes!);
                break;
            case ReplyKind.Null:
                WriteRaw(output, protocol == 3 ? "_\r\n"u8 : "$-1\r\n"u8);
                break;
            case ReplyKind.NullArray:
                WriteRaw(output, protocol == 3 ? "_\r\n"u8 : "*-1\r\n"u8);
                break;
            case ReplyKind.Array:
                WriteNumber(output, (byte)'*', reply.Items!.Length);
                foreach (var item in reply.Items) Write(output, item, protocol);
                break;
            case ReplyKind.Set:
                WriteNumber(output, protocol == 3 ? (byte)'~' : (byte)'*', reply.Items!.Length);
                foreach (var item in reply.Items) Write(output, item, protocol);
                break;
            case ReplyKind.Map:
                if (protocol == 3) WriteNumber(output, (byte)'%', reply.Items!.Length / 2);
                else WriteNumber(output, (byte)'*', reply.Items!.Length);
                foreach (var item in reply.Items) Write(output, item, protocol);
                break;
            case ReplyKind.ScorePairs:
                if (protocol == 3) WritePairs(output, reply.Items!, protocol);
                else goto case ReplyKind.Array;
                break;
            case ReplyKind.KeyedPairs:
                if (protocol == 3) goto case ReplyKind.Map;
                WritePairs(output, reply.Items!, protocol);
                break;
            case ReplyKind.Double:
                var text = ScoreFormat.Format(reply.Double);
                if (protocol == 3) WriteLine(output, (byte)',', text);
                else WriteBulk(output, Encoding.ASCII.GetBytes(text));
                break;
            case ReplyKind.Verbatim:
                var bytes = Encoding.UTF8.GetBytes(reply.Text!);
                if (protocol == 3)
                {
                    WriteNumber(output, (byte)'=', bytes.Length + 4);
                    WriteRaw(output, "txt:"u8);
                    WriteRaw(output, bytes);
                    WriteRaw(output, Crlf);
                }
                else WriteBulk(output, bytes);
                break;
            case ReplyKind.Boolean:
                if (protocol == 3) WriteRaw(output, reply.Integer != 0 ? "#t\r\n"u8 : "#f\r\n"u8);
                else WriteNumber(output, (byte)':', reply.Integer);
                break;
            case ReplyKind.BigNumber:
                if (protocol == 3) WriteLine(output, (byte)'(', reply.Text!);
                else WriteBulk(output, Encoding.ASCII.GetBytes(reply.Text!));
                break;
            case ReplyKind.HumanDouble:
                if (protocol == 3) WriteLine(output, (byte)',', reply.Text!);
                else WriteBulk(output, Encoding.ASCII.GetBytes(reply.Text!));
                break;
        }
    }

    /// <summary>An out-of-band message (pub/sub): a RESP3 push, or a RESP2 array.</summary>
    /// <summary>A message pushed to a connection: an array (RESP3 push), or, for a single item (a MONITOR line), that item alone.</summary>
    public static void WritePush(IBufferWriter<byte> output, CacheReply[] items, int protocol)
    {
        if (items.Length == 1)
        {
            Write(output, items[0], protocol);
            return;
        }
        WriteNumber(output, protocol == 3 ? (byte)'>' : (byte)'*', items.Length);
        foreach (var item in items) Write(output, item, protocol);
    }

    public static void WriteError(IBufferWriter<byte> output, string text) => WriteLine(output, (byte)'-', text);

    private static void WriteBulk(IBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        var span = output.GetSpan(value.Length + 16);
        span[0] = (byte)'$';
        Utf8Formatter.TryFormat(value.Length, span[1..], out var written);
        var n = 1 + written;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        value.CopyTo(span[n..]);
        n += value.Length;
        span[n++] = (byte)'\r';
        span[n++] = (byte)'\n';
        output.Advance(n);
    }

    private static void WriteNumber(IBufferWriter<byte> output, byte marker, long value)
    {
        var span = output.GetSpan(24);
        span[0] = marker;
        Utf8Formatter.TryFormat(value, span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        output.Advance(3 + written);
    }

    private static void WriteLine(IBufferWriter<byte> output, byte marker, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var span = output.GetSpan(length + 3);
        span[0] = marker;
        Encoding.UTF8.GetBytes(text, span[1..]);
        // A status or error line may not hold line breaks.
        for (var i = 1; i <= length; i++)
            if (span[i] is (byte)'\r' or (byte)'\n') span[i] = (byte)' ';
        span[length + 1] = (byte)'\r';
        span[length + 2] = (byte)'\n';
        output.Advance(length + 3);
    }

    private static void WriteRaw(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    /// <summary>Flattened pairs as an array of two-element arrays.</summary>
    private static void WritePairs(IBufferWriter<byte> output, CacheReply[] items, int protocol)
    {
        WriteNumber(output, (byte)'*', items.Length / 2);
        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            WriteRaw(output, "*2\r\n"u8);
            Write(output, items[i], protocol);
            Write(output, items[i + 1], protocol);
        }
    }
}
