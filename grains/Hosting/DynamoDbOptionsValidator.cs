using DataTier.AwsDynamoDb;
using Microsoft.Extensions.Options;

namespace DataTier.Hosting;

/// <summary>Validates DynamoDB connection settings at start-up; each failure names the setting under <paramref name="section"/>.</summary>
public sealed class DynamoDbOptionsValidator<T>(string section, string? name = null) : IValidateOptions<T> where T : DynamoDbConnectionOptions
{
    public ValidateOptionsResult Validate(string? optionsName, T options)
    {
        if (name is not null && optionsName != name) return ValidateOptionsResult.Skip;
        var problems = options.Problems(section).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
