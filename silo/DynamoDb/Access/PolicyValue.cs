using System.Text;

namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// A Resource of a statement, or a value of a string or ARN condition, with IAM's policy variables: <c>${KEY}</c> stands
/// for the request's value of a single-valued condition key, <c>${KEY, 'default'}</c> for that or, when the request has
/// none, the default, and <c>${*}</c>, <c>${?}</c> and <c>${$}</c> for those characters. What a variable puts in is
/// never a wildcard. A variable whose key the request lacks, without a default, leaves the value without one: it
/// matches nothing.
/// </summary>
public sealed class PolicyValue
{
    private readonly Segment[]? _segments;
    private readonly PolicyPattern _plain;

    private PolicyValue(string text, Segment[]? segments)
    {
        Text = text;
        _segments = segments;
        _plain = new PolicyPattern(text, null);
        Keys = segments?.Where(s => s.Key is not null).Select(s => s.Key!).Distinct().ToList() ?? [];
    }

    /// <summary>The value as the policy writes it.</summary>
    public string Text { get; }

    /// <summary>The condition keys its variables name, in their canonical spelling.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>A value taken as it is written (the values of operators other than the string and ARN ones).</summary>
    public static PolicyValue Literal(string text) => new(text, null);

    /// <summary>Reads the variables of a value; <see cref="ArgumentException"/> for one naming a key that is not served here or has several values.</summary>
    public static PolicyValue Parse(string text)
    {
        var at = text.IndexOf("${", StringComparison.Ordinal);
        if (at < 0) return Literal(text);
        var segments = new List<Segment>();
        var start = 0;
        while (at >= 0)
        {
            var end = text.IndexOf('}', at + 2);
            if (end < 0) break;
            if (at > start) segments.Add(Segment.Of(text[start..at]));
            segments.Add(Variable(text[(at + 2)..end]));
            start = end + 1;
            at = text.IndexOf("${", start, StringComparison.Ordinal);
        }
        if (start < text.Length) segments.Add(Segment.Of(text[start..]));
        return new PolicyValue(text, [.. segments]);
    }

    private static Segment Variable(string body)
    {
        if (body is "*" or "?" or "$") return new Segment(body, null, null, Literal: true);
        var comma = body.IndexOf(',');
        var name = (comma < 0 ? body : body[..comma]).Trim();
        string? fallback = null;
        if (comma >= 0)
        {
            var rest = body[(comma + 1)..].Trim();
            if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'')
                throw new ArgumentException($"has a policy variable ${{{body}}} whose default value is not in single quotes");
            fallback = rest[1..^1];
        }
        var key = ConditionKeys.Canonical(name)
            ?? throw new ArgumentException($"has a policy variable ${{{name}}}, which names no condition key served here");
        if (ConditionKeys.IsMultivalued(key))
            throw new ArgumentException($"has a policy variable ${{{name}}}, which names a key with several values: IAM puts in only keys with one");
        return new Segment(null, key, fallback, Literal: true);
    }

    /// <summary>
    /// The value with its variables' values put in, given each key's value in the request (null when it has none);
    /// null when a variable has no value.
    /// </summary>
    public PolicyPattern? Resolve(Func<string, string?> valueOf)
    {
        if (_segments is null) return _plain;
        var text = new StringBuilder();
        var literal = new List<bool>();
        foreach (var segment in _segments)
        {
            var part = segment.Key is null ? segment.Text! : valueOf(segment.Key) ?? segment.Default;
            if (part is null) return null;
            text.Append(part);
            literal.AddRange(Enumerable.Repeat(segment.Literal, part.Length));
        }
        return new PolicyPattern(text.ToString(), [.. literal]);
    }

    public override string ToString() => Text;

    /// <summary>Text as written (Key null), or a variable (Key set); Literal: its characters are never wildcards.</summary>
    private sealed record Segment(string? Text, string? Key, string? Default, bool Literal)
    {
        public static Segment Of(string text) => new(text, null, null, Literal: false);
    }
}
