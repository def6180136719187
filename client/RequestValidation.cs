using System.Text.RegularExpressions;
using DataTier.Errors;
using DataTier.Model;

namespace DataTier.Client;

/// <summary>DynamoDB's parameter constraints with its messages ("1 validation error detected: ...").</summary>
public static partial class RequestValidation
{
    [GeneratedRegex("^[a-zA-Z0-9_.-]+$")]
    private static partial Regex TableNamePattern();

    public static void TableName(string? name, string parameter = "tableName")
    {
        var errors = new List<string>();
        if (name is null)
        {
            errors.Add($"Value null at '{parameter}' failed to satisfy constraint: Member must not be null");
        }
        else
        {
            if (!TableNamePattern().IsMatch(name))
                errors.Add($"Value '{name}' at '{parameter}' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
            if (name.Length < 3)
                errors.Add($"Value '{name}' at '{parameter}' failed to satisfy constraint: Member must have length greater than or equal to 3");
            if (name.Length > 255)
                errors.Add($"Value '{name}' at '{parameter}' failed to satisfy constraint: Member must have length less than or equal to 255");
        }
        Throw(errors);
    }

    public static void Limit(int? limit, string parameter = "limit")
    {
        if (limit is < 1)
            Throw([$"Value '{limit}' at '{parameter}' failed to satisfy constraint: Member must have value greater than or equal to 1"]);
    }

    public static void Throw(List<string> errors)
    {
        if (errors.Count == 0) return;
        throw DynamoException.Validation($"{errors.Count} validation error{(errors.Count > 1 ? "s" : "")} detected: {string.Join("; ", errors)}");
    }

    /// <summary>Expression attribute maps need an expression to use them, and must not be empty.</summary>
    public static void ExpressionMaps(IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttrValue>? values, bool anyExpression)
    {
        if (names is not null && !anyExpression) throw DynamoException.Validation("ExpressionAttributeNames can only be specified when using expressions");
        if (values is not null && !anyExpression) throw DynamoException.Validation("ExpressionAttributeValues can only be specified when using expressions");
        if (names is { Count: 0 }) throw DynamoException.Validation("ExpressionAttributeNames must not be empty");
        if (values is { Count: 0 }) throw DynamoException.Validation("ExpressionAttributeValues must not be empty");
        if (values is not null)
            foreach (var v in values.Values) ItemValidator.ValidateValue(v);
    }
}
