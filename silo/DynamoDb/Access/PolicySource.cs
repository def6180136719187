namespace DataTier.Silo.DynamoDb.Access;

/// <summary>A policy setting's value: the JSON document itself (it starts with <c>{</c>) or the path of a file holding it.</summary>
public static class PolicySource
{
    public static string Read(string value)
    {
        if (value.TrimStart().StartsWith('{')) return value;
        try
        {
            return File.ReadAllText(value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"is neither a JSON policy document nor a file that can be read ({e.Message})");
        }
    }
}
