using DataTier.Errors;

namespace DataTier.Tables;

/// <summary>StreamSpecification of CreateTable and UpdateTable: a view type is required to enable a stream and refused to disable one.</summary>
[GenerateSerializer, Immutable]
public sealed record StreamSpecification([property: Id(0)] bool Enabled, [property: Id(1)] StreamViewType? ViewType)
{
    public void Validate()
    {
        if (Enabled && ViewType is null)
            throw DynamoException.Validation("One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required");
        if (!Enabled && ViewType is not null)
            throw DynamoException.Validation("One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified");
    }
}
