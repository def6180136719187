namespace DataTier.Expressions;

/// <summary>DynamoDB's reserved words (its developer guide's list), which may appear in expressions only through #name placeholders.</summary>
public static class ReservedWords
{
    private static readonly HashSet<string> Words = Load();

    public static bool Contains(string name) => Words.Contains(name);

    private static HashSet<string> Load()
    {
        using var stream = typeof(ReservedWords).Assembly.GetManifestResourceStream("DataTier.Expressions.ReservedWords.txt")
            ?? throw new InvalidOperationException("Reserved word list missing from the assembly");
        using var reader = new StreamReader(stream);
        return new HashSet<string>(reader.ReadToEnd().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
    }
}
