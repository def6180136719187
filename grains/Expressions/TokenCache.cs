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

    // Counted here: ConcurrentDictionary.Count takes every lock of the table, on each miss.
    private static int _kept;

    public static Token[]? TryGet(string text) => Tokens.TryGetValue(text, out var cached) ? cached : null;

    /// <summary>Keeps the tokens of an expression that tokenized.</summary>
    public static Token[] Keep(string text, List<Token> tokens)
    {
        var kept = tokens.ToArray();
        if (text.Length > MaxTextLength) return kept;
        if (Volatile.Read(ref _kept) >= Capacity)
        {
            Tokens.Clear();
            Volatile.Write(ref _kept, 0);
        }
        if (Tokens.TryAdd(text, kept)) Interlocked.Increment(ref _kept);
        return kept;
    }
}
