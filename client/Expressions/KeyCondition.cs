namespace DataTier.Client.Expressions;

/// <summary>Where key conditions start: <c>KeyCondition.PartitionKey("Artist", "Acme").SortKey("SongTitle").BeginsWith("Call")</c>.</summary>
public static class KeyCondition
{
    public static KeyConditionBuilder PartitionKey(string name, ExpressionValue value) => new(name, value, null);
}
