using System.Text;

namespace DataTier.Silo.DynamoDb.PartiQL.Syntax;

/// <summary>
/// Splits a statement into words, "quoted names", 'strings' (a doubled quote is a quote), numbers, <c>?</c> and
/// symbols, skipping <c>--</c> and <c>/* */</c> comments. What it cannot read is a statement that was not well formed.
/// </summary>
public static class PartiQLLexer
{
    // Longest first: "<<" must win over "<", "<=" over "<".
    private static readonly string[] Symbols = ["<<", ">>", "<=", ">=", "<>", "!=", "||", "=", "<", ">", "(", ")", "[", "]", "{", "}", ",", ".", ":", "*", "+", "-", "/", "%", ";"];

    public static List<PartiQLToken> Tokenize(string text)
    {
        var tokens = new List<PartiQLToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(text, i + 1) == '-')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0) throw PartiQLErrors.Malformed("");
                i = end + 2;
            }
            else if (c is '\'' or '"')
            {
                var start = i;
                var quoted = ReadQuoted(text, ref i, c);
                tokens.Add(new PartiQLToken(c == '\'' ? PartiQLTokenKind.String : PartiQLTokenKind.QuotedName, quoted, start));
            }
            else if (char.IsAsciiDigit(c) || c == '.' && char.IsAsciiDigit(At(text, i + 1)))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$')) i++;
                tokens.Add(new PartiQLToken(PartiQLTokenKind.Word, text[start..i], start));
            }
            else if (c == '?')
            {
                tokens.Add(new PartiQLToken(PartiQLTokenKind.Parameter, "?", i++));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(text, i, s, 0, s.Length) == 0) ?? throw PartiQLErrors.Malformed("");
                tokens.Add(new PartiQLToken(PartiQLTokenKind.Symbol, symbol, i));
                i += symbol.Length;
            }
        }
        tokens.Add(new PartiQLToken(PartiQLTokenKind.End, "", text.Length));
        return tokens;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static string ReadQuoted(string text, ref int i, char quote)
    {
        var value = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length) throw PartiQLErrors.Malformed("");
            if (text[i] == quote)
            {
                if (At(text, i + 1) != quote)
                {
                    i++;
                    return value.ToString();
                }
                i++;
            }
            value.Append(text[i++]);
        }
    }

    private static PartiQLToken ReadNumber(string text, ref int i)
    {
        var start = i;
        while (char.IsAsciiDigit(At(text, i))) i++;
        if (At(text, i) == '.')
        {
            i++;
            while (char.IsAsciiDigit(At(text, i))) i++;
        }
        if (At(text, i) is 'e' or 'E' && (char.IsAsciiDigit(At(text, i + 1)) || At(text, i + 1) is '+' or '-' && char.IsAsciiDigit(At(text, i + 2))))
        {
            i += 2;
            while (char.IsAsciiDigit(At(text, i))) i++;
        }
        return new PartiQLToken(PartiQLTokenKind.Number, text[start..i], start);
    }
}
