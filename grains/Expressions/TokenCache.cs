using System.Collections.Concurrent;

namespace DataTier.Expressions;

/// <summary>
/// The tokens of expressions already seen, by their text. An application sends the same few expressions over
/// and over (values travel in placeholders, never in the text), and tokenizing one was a tenth of the memory an
/// UpdateItem allocated. Only expressions that tokenize are kept; past <see cref="Capacity"/> distinct texts the
/// cache starts again, so text that varies per request costs what it did without it.
/// </summary>
internal static class TokenCache
{
    public const int Capacity = 4096;
    private const int MaxTextLength = 4096;
    private static readonly ConcurrentDictionary<string, Token[]> Tokens = new(StringComparer.Ordinal);

    public static Token[]? TryGet(string text) => Tokens.TryGetValue(text, out var cached) ? cached : null;

    /// <summary>Keeps the tokens of an expression that tokenized.</summary>
    public static Token[] Keep(string text, List<Token> tokens)
    {
        var kept = tokens.ToArray();
        if (text.Length > MaxTextLength) return kept;
        if (Tokens.Count >= Capacity) Tokens.Clear();
        Tokens.TryAdd(text, kept);
        return kept;
    }
}
