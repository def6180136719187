namespace DataTier.Tests.Cache;

/// <summary>Takes apart a reply as <see cref="RespTestClient"/> renders it: the elements of an array, set or map (a map's as <c>key: value</c>).</summary>
public static class RenderedReply
{
    /// <summary>The top-level elements of <c>[a, b]</c>, <c>~[a, b]</c> or <c>{k: v, ...}</c> (whose elements are <c>k: v</c>).</summary>
    public static List<string> Elements(string rendered)
    {
        var open = rendered.IndexOfAny(['[', '{']);
        var body = rendered[(open + 1)..^1];
        var elements = new List<string>();
        var (depth, inQuotes, from) = (0, false, 0);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '"') inQuotes = !inQuotes;
            if (inQuotes) continue;
            if (c is '[' or '{') depth++;
            else if (c is ']' or '}') depth--;
            else if (c == ',' && depth == 0)
            {
                elements.Add(body[from..i]);
                from = i + 2;
            }
        }
        if (body.Length > 0) elements.Add(body[from..]);
        return elements;
    }

    /// <summary>A map entry <c>"key": value</c> split in its key (unquoted) and value.</summary>
    public static (string Key, string Value) Entry(string entry)
    {
        var end = entry.IndexOf('"', 1);
        return (entry[1..end], entry[(end + 3)..]);
    }

    public static string Unquoted(string bulk) => bulk.Trim('"');
}
