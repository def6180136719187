namespace DataTier.Expressions;

/// <summary>Splits an expression into names, #name and :value placeholders, list indexes and symbols.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, Func<string, Exception> syntaxError)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (c == '#' || c == ':')
            {
                i++;
                while (i < text.Length && IsNameChar(text[i])) i++;
                if (i == start + 1) throw syntaxError(c.ToString());
                tokens.Add(new Token(c == '#' ? TokenKind.NamePlaceholder : TokenKind.ValuePlaceholder, text[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && IsNameChar(text[i])) i++;
                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
            }
            else if ((c == '<' || c == '>') && i + 1 < text.Length && (text[i + 1] == '=' || (c == '<' && text[i + 1] == '>')))
            {
                tokens.Add(new Token(TokenKind.Symbol, text.Substring(i, 2), start));
                i += 2;
            }
            else if ("=<>(),.[]+-".Contains(c))
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), start));
                i++;
            }
            else
            {
                throw syntaxError(c.ToString());
            }
        }
        tokens.Add(new Token(TokenKind.End, "<EOF>", text.Length));
        return tokens;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
