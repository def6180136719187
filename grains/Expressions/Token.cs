namespace DataTier.Expressions;

internal enum TokenKind { Name, NamePlaceholder, ValuePlaceholder, Number, Symbol, End }

internal readonly record struct Token(TokenKind Kind, string Text, int Position);
