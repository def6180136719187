using DataTier.Errors;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>DynamoDB's PartiQL refusals, in its words.</summary>
public static class PartiQLErrors
{
    public const string IncompleteKey = "Where clause does not contain a mandatory equality on all key attributes";
    public const string ParameterCount = "Number of parameters in request and statement don't match.";
    public const string DuplicateItem = "Duplicate primary key exists in table";
    public const string LeftoverToken = "Unexpected token after expression";

    /// <summary>A statement the parser cannot read; <paramref name="detail"/> follows the colon (AWS leaves it empty for some).</summary>
    public static DynamoException Malformed(string detail) =>
        DynamoException.Validation("Statement wasn't well formed, can't be processed: " + detail);

    public static DynamoException Validation(string message) => DynamoException.Validation(message);

    public static DynamoException Duplicate() => new(DynamoErrorCode.DuplicateItemException, DuplicateItem);
}
