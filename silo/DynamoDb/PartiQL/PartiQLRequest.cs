using System.Text.Json;
using DataTier.Errors;
using DataTier.Model;
using DataTier.Silo.DynamoDb.PartiQL.Syntax;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>A statement and its Parameters as a request (or a batch's or transaction's entry) gives them.</summary>
public sealed record PartiQLRequest(string Text, IReadOnlyList<AttrValue> Parameters)
{
    private const int MaxStatementLength = 8192;

    /// <summary>Reads <c>Statement</c> and <c>Parameters</c>, noting what breaks their constraints under <paramref name="prefix"/> (e.g. <c>statements.1.member.</c>).</summary>
    public static PartiQLRequest Read(ApiRequest r, string prefix = "")
    {
        var text = r.Required(r.String("Statement"), prefix + "statement");
        if (text is { Length: 0 }) r.Invalid(prefix + "statement", text, "Member must have length greater than or equal to 1");
        if (text is { Length: > MaxStatementLength }) r.Invalid(prefix + "statement", text, $"Member must have length less than or equal to {MaxStatementLength}");
        var parameters = new List<AttrValue>();
        if (r.Array("Parameters") is { } array)
        {
            if (array.GetArrayLength() == 0) r.Invalid(prefix + "parameters", "[]", "Member must have length greater than or equal to 1");
            foreach (var element in array.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object) throw ApiRequest.Serialization("Unexpected value type in payload");
                parameters.Add(AttributeValueJson.Read(element));
            }
        }
        return new PartiQLRequest(text ?? "", parameters);
    }

    /// <summary>The statement, with as many <c>?</c> as there are parameters.</summary>
    public PartiQLStatement Parse()
    {
        var statement = PartiQLParser.Parse(Text);
        if (statement.ParameterCount != Parameters.Count) throw PartiQLErrors.Validation(PartiQLErrors.ParameterCount);
        return statement;
    }

    public PartiQLValues Values => new(Parameters);

    /// <summary>
    /// Errors of the expression engine without the name of an expression the statement never had: a PartiQL
    /// statement is not refused as an "Invalid ConditionExpression".
    /// </summary>
    public static DynamoException WithoutExpressionName(DynamoException e)
    {
        if (e.Code != DynamoErrorCode.ValidationException || !e.Message.StartsWith("Invalid ", StringComparison.Ordinal)) return e;
        var colon = e.Message.IndexOf("Expression: ", StringComparison.Ordinal);
        return colon is > 0 and < 30 ? new DynamoException(e.Code, e.Message[(colon + "Expression: ".Length)..], e.Item) : e;
    }
}
