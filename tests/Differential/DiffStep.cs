namespace DataTier.Tests.Differential;

/// <summary>
/// One request of a case. <see cref="Body"/> is JSON written with single quotes for readability (each
/// <c>'</c> becomes <c>"</c> unless <see cref="Verbatim"/>); <c>$T</c> and <c>$T2</c> stand for the
/// case's own table names. <see cref="Target"/> is the whole X-Amz-Target header, null for none.
/// </summary>
public sealed record DiffStep(string? Target, string Body)
{
    /// <summary>Send <see cref="Body"/> as written (for malformed JSON and bodies with quotes).</summary>
    public bool Verbatim { get; init; }

    /// <summary>Spaces inserted after the opening brace, to make a body of a given size.</summary>
    public int Padding { get; init; }

    public string ContentType { get; init; } = "application/x-amz-json-1.0";

    /// <summary>The operation name, for rules that apply to one operation only.</summary>
    public string Operation => Target is { } t && t.StartsWith(DifferentialClient.TargetPrefix, StringComparison.Ordinal)
        ? t[DifferentialClient.TargetPrefix.Length..]
        : "";

    public byte[] Render(string table, string table2)
    {
        var text = Verbatim ? Body : Body.Replace('\'', '"');
        text = text.Replace("$T2", table2, StringComparison.Ordinal).Replace("$T", table, StringComparison.Ordinal);
        if (Padding > 0)
        {
            var brace = text.IndexOf('{');
            text = text[..(brace + 1)] + new string(' ', Padding) + text[(brace + 1)..];
        }
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    public override string ToString() => $"{Target ?? "(no target)"} {(Body.Length > 300 ? Body[..300] + $"... ({Body.Length} chars)" : Body)}{(Padding > 0 ? $" + {Padding} spaces" : "")}";
}
