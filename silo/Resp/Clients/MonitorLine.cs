using System.Globalization;
using System.Text;

namespace DataTier.Silo.Resp.Clients;

/// <summary>A MONITOR line as Redis writes it: <c>1700000000.123456 [0 127.0.0.1:5000] "SET" "key" "value"</c>, arguments quoted as sdscatrepr quotes them.</summary>
public static class MonitorLine
{
    public static string Format(DateTimeOffset at, string client, IReadOnlyList<byte[]> args, Func<int, bool> redacted)
    {
        var micros = UnixMicroseconds.Of(at);
        var line = new StringBuilder();
        line.Append(string.Create(CultureInfo.InvariantCulture, $"{micros / 1_000_000}.{micros % 1_000_000:D6} [0 {client}]"));
        for (var i = 0; i < args.Count; i++)
        {
            line.Append(' ');
            if (redacted(i)) line.Append("\"(redacted)\"");
            else Quote(line, args[i]);
        }
        return line.ToString();
    }

    private static void Quote(StringBuilder line, byte[] arg)
    {
        line.Append('"');
        foreach (var b in arg)
        {
            switch (b)
            {
                case (byte)'\\': line.Append("\\\\"); break;
                case (byte)'"': line.Append("\\\""); break;
                case (byte)'\n': line.Append("\\n"); break;
                case (byte)'\r': line.Append("\\r"); break;
                case (byte)'\t': line.Append("\\t"); break;
                case 7: line.Append("\\a"); break;
                case 8: line.Append("\\b"); break;
                default:
                    if (b is >= 32 and < 127) line.Append((char)b);
                    else line.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
                    break;
            }
        }
        line.Append('"');
    }
}
