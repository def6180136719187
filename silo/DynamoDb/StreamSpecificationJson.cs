using DataTier.Tables;

namespace DataTier.Silo.DynamoDb;

/// <summary>Reads a StreamSpecification member (StreamEnabled required, StreamViewType one of four).</summary>
public static class StreamSpecificationJson
{
    public static StreamSpecification? Read(ApiRequest r)
    {
        if (r.Object("StreamSpecification") is not { } member) return null;
        var s = new ApiRequest(member);
        var enabled = s.Required(s.Bool("StreamEnabled"), "streamSpecification.streamEnabled");
        var view = s.Enum<StreamViewType>("StreamViewType", "streamSpecification.streamViewType");
        s.ThrowIfInvalid();
        return new StreamSpecification(enabled!.Value, view);
    }
}
