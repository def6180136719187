namespace DataTier.Tests.Differential;

/// <summary>What AWS answers (and so the project must), where dynalite answers otherwise.</summary>
public sealed record ExpectedAnswer
{
    public int Status { get; init; } = 400;

    /// <summary>The error type after '#'; null for a success.</summary>
    public string? Type { get; init; }

    /// <summary>The exact message ($T and $T2 stand for the case's tables); null when the error has none.</summary>
    public string? Message { get; init; }
}
