using System.Text;

namespace DataTier.Client.Expressions;

/// <summary>
/// A document path: a top-level attribute name, then map keys and list indexes. Names are taken literally
/// (a name may contain dots, spaces or reserved words); builders always send them as #placeholders.
/// </summary>
public sealed class AttributePath
{
    private AttributePath(IReadOnlyList<object> steps) => Steps = steps;

    /// <summary>Each step is a <see cref="string"/> (a name or map key) or an <see cref="int"/> (a list index).</summary>
    public IReadOnlyList<object> Steps { get; }

    public static AttributePath Of(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new([name]);
    }

    public AttributePath Key(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new([.. Steps, key]);
    }

    public AttributePath Index(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new([.. Steps, index]);
    }

    /// <summary>Reads "a.b[2].c": dots separate map keys, brackets hold list indexes. Use <see cref="Of"/> and <see cref="Key"/> for names that contain dots or brackets.</summary>
    public static AttributePath Parse(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AttributePath? result = null;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length == 0) throw new FormatException($"Invalid attribute path: {path}");
            result = result is null ? Of(name) : result.Key(name);
            while (bracket >= 0)
            {
                var close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), out var index))
                    throw new FormatException($"Invalid attribute path: {path}");
                result = result.Index(index);
                bracket = close + 1 < part.Length ? (part[close + 1] == '[' ? close + 1 : throw new FormatException($"Invalid attribute path: {path}")) : -1;
            }
        }
        return result!;
    }

    public override string ToString()
    {
        var text = new StringBuilder((string)Steps[0]);
        foreach (var step in Steps.Skip(1))
            text.Append(step is int i ? $"[{i}]" : "." + step);
        return text.ToString();
    }
}
