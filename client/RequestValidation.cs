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
        if (name is { Length: >= 3 and <= 255 } && TableNamePattern().IsMatch(name)) return; // valid: nothing to collect
        var errors = new List<string>();
        if (name is null)
            errors.Add($"Value null at '{parameter}' failed to satisfy constraint: Member must not be null");
        else
            TableNameErrors(name, parameter, (p, value, constraint) => errors.Add($"Value '{value}' at '{p}' failed to satisfy constraint: {constraint}"));
        Throw(errors);
    }

    /// <summary>Reports each constraint a table name breaks: pattern, then length.</summary>
    public static void TableNameErrors(string name, string parameter, Action<string, object, string> report)
    {
        if (!TableNamePattern().IsMatch(name))
            report(parameter, name, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        if (name.Length < 3)
            report(parameter, name, "Member must have length greater than or equal to 3");
        if (name.Length > 255)
            report(parameter, name, "Member must have length less than or equal to 255");
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

    [GeneratedRegex("^#[0-9a-zA-Z_]+$")]
    private static partial Regex NamePlaceholder();

    [GeneratedRegex("^:[0-9a-zA-Z_]+$")]
    private static partial Regex ValuePlaceholder();

    /// <summary>
    /// Expression attribute maps need an expression to use them, must not be empty, and their keys must be
    /// placeholders (<c>#name</c>, <c>:value</c>); each value must be valid. Checked in AWS's order.
    /// </summary>
    public static void ExpressionMaps(IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttrValue>? values, bool anyExpression)
    {
        if (names is not null && !anyExpression) throw DynamoException.Validation("ExpressionAttributeNames can only be specified when using expressions");
        if (values is not null && !anyExpression) throw DynamoException.Validation("ExpressionAttributeValues can only be specified when using expressions");
        if (names is not null)
        {
            if (names.Count == 0) throw DynamoException.Validation("ExpressionAttributeNames must not be empty");
            foreach (var key in names.Keys)
                if (!NamePlaceholder().IsMatch(key))
                    throw DynamoException.Validation($"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{key}\"");
        }
        if (values is not null)
        {
            if (values.Count == 0) throw DynamoException.Validation("ExpressionAttributeValues must not be empty");
            foreach (var key in values.Keys)
                if (!ValuePlaceholder().IsMatch(key))
                    throw DynamoException.Validation($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{key}\"");
            foreach (var (key, value) in values)
            {
                try
                {
                    ItemValidator.ValidateValue(value);
                }
                catch (DynamoException e) when (e.Code == DynamoErrorCode.ValidationException)
                {
                    throw DynamoException.Validation($"ExpressionAttributeValues contains invalid value: {e.Message} for key {key}");
                }
            }
        }
    }
}
