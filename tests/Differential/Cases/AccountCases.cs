using static DataTier.Tests.Differential.Cases.Steps;

namespace DataTier.Tests.Differential.Cases;

/// <summary>TagResource, UntagResource, ListTagsOfResource, DescribeLimits and DescribeTimeToLive.</summary>
internal static class AccountCases
{
    private const string Arn = "arn:aws:dynamodb:" + DifferentialFixture.Region + ":" + DifferentialFixture.AccountId + ":table/$T";

    private static DiffStep Tag(string tags) => Op("TagResource", "{'ResourceArn':'" + Arn + "','Tags':" + tags + "}");

    private static DiffStep ListTags() => Op("ListTagsOfResource", "{'ResourceArn':'" + Arn + "'}");

    public static IEnumerable<DiffCase> All()
    {
        yield return Case("tag-resource", HashTable, Tag("[{'Key':'env','Value':'test'},{'Key':'team','Value':'a'}]"));
        yield return Case("tag-then-list", HashTable, Tag("[{'Key':'env','Value':'test'},{'Key':'team','Value':'a'}]"), Tag("[{'Key':'team','Value':'b'}]"), ListTags());
        yield return Case("untag-then-list", HashTable, Tag("[{'Key':'env','Value':'test'},{'Key':'team','Value':'a'}]"),
            Op("UntagResource", "{'ResourceArn':'" + Arn + "','TagKeys':['env','nothing']}"), ListTags());
        yield return Case("list-tags-none", HashTable, ListTags());
        yield return Case("tag-missing-table", Tag("[{'Key':'env','Value':'test'}]"));
        yield return Case("list-tags-missing-table", ListTags());
        yield return Case("untag-missing-table", Op("UntagResource", "{'ResourceArn':'" + Arn + "','TagKeys':['env']}"));
        yield return Case("tag-empty-tags", HashTable, Tag("[]"));
        yield return Case("tag-no-tags", HashTable, Op("TagResource", "{'ResourceArn':'" + Arn + "'}"));
        yield return Case("tag-no-arn", Op("TagResource", "{'Tags':[{'Key':'env','Value':'test'}]}"));
        yield return Case("tag-arn-not-a-table", Op("TagResource", "{'ResourceArn':'arn:aws:dynamodb:local:000000000000:stream/x','Tags':[{'Key':'env','Value':'test'}]}"));
        yield return Case("untag-no-keys", HashTable, Op("UntagResource", "{'ResourceArn':'" + Arn + "'}"));
        yield return Case("untag-empty-keys", HashTable, Op("UntagResource", "{'ResourceArn':'" + Arn + "','TagKeys':[]}"));
        yield return Case("list-tags-no-arn", Op("ListTagsOfResource", "{}"));
        yield return Case("list-tags-bad-arn", Op("ListTagsOfResource", "{'ResourceArn':'arn:aws:dynamodb:local:000000000000:table/'}"));
        yield return Case("describe-limits", Op("DescribeLimits", "{}"));
        yield return Case("describe-time-to-live", HashTable, Op("DescribeTimeToLive", "{'TableName':'$T'}"));
        yield return Case("describe-time-to-live-missing-table", Op("DescribeTimeToLive", "{'TableName':'$T'}"));
    }
}
