namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// One condition of a statement on <c>dynamodb:LeadingKeys</c> (the partition key values a request reads or writes), with
/// a set operator as IAM requires for that multi-valued key: <c>ForAllValues:</c> holds when every value of the request
/// matches one of <paramref name="Values"/> (also when the request names no key, as in IAM), <c>ForAnyValue:</c> when at
/// least one does. <paramref name="Like"/>: StringLike (wildcards) rather than StringEquals. Values may use
/// <c>${aws:username}</c> and <c>${aws:userid}</c>, which stand for the access key id here.
/// </summary>
public sealed record PolicyCondition(bool ForAll, bool Like, IReadOnlyList<string> Values)
{
    public bool Holds(IReadOnlyCollection<string> leadingKeys, string accessKeyId)
    {
        var values = Values.Select(v => v.Replace("${aws:username}", accessKeyId, StringComparison.Ordinal).Replace("${aws:userid}", accessKeyId, StringComparison.Ordinal)).ToList();
        bool Matches(string key) => values.Any(v => Like ? IamPattern.Matches(v, key, ignoreCase: false) : v == key);
        return ForAll ? leadingKeys.All(Matches) : leadingKeys.Any(Matches);
    }
}
