namespace DataTier.Tests.Differential;

/// <summary>
/// A deliberate difference in some members of many responses: those members are removed from both
/// answers (<c>remove</c>), their elements put in one order (<c>sort</c>), or whole bodies taken as
/// empty (<c>empty</c>) before comparing.
/// Paths are dotted member names from the body's root; <c>*</c> matches one member or array element,
/// a leading <c>**.</c> any depth. A rule with <see cref="MessagePattern"/> shortens error messages instead.
/// </summary>
public sealed record FieldRule
{
    public required string Id { get; init; }
    public required string Reason { get; init; }
    public IReadOnlyList<string> Paths { get; init; } = [];
    public string Action { get; init; } = "remove";

    /// <summary>
    /// For errors: a message matching this pattern is cut to the matched part, so two messages that
    /// agree on it (e.g. "Invalid ConditionExpression: Syntax error; ") compare equal.
    /// </summary>
    public string? MessagePattern { get; init; }

    /// <summary>Only in answers to these operations; all when absent.</summary>
    public IReadOnlyList<string>? Operations { get; init; }

    /// <summary>Only in errors of these types (the part after '#'); successes and errors alike when absent.</summary>
    public IReadOnlyList<string>? ErrorTypes { get; init; }
}
