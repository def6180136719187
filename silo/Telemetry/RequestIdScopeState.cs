using System.Collections;

namespace DataTier.Silo.Telemetry;

/// <summary>
/// The state of a request's log scope: one property, <see cref="RequestLogScope.Key"/>, which the JSON
/// console formatter writes as a field of the scope and the simple formatter as <c>AwsRequestId:…</c>.
/// </summary>
public sealed class RequestIdScopeState(string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string RequestId { get; } = requestId;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(RequestLogScope.Key, RequestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => RequestLogScope.Key + ":" + RequestId;
}
