namespace DataTier.Client.Expressions;

/// <summary>Where update expressions start: <c>Update.Set("status", "closed").Add("count", 1).Remove("lock")</c>.</summary>
public static class Update
{
    public static UpdateBuilder Set(string name, ExpressionValue value) => new UpdateBuilder().Set(name, value);
    public static UpdateBuilder Set(AttributePath path, ExpressionValue value) => new UpdateBuilder().Set(path, value);
    public static UpdateBuilder SetIfNotExists(string name, ExpressionValue value) => new UpdateBuilder().SetIfNotExists(name, value);
    public static UpdateBuilder SetIfNotExists(AttributePath path, ExpressionValue value) => new UpdateBuilder().SetIfNotExists(path, value);
    public static UpdateBuilder Increment(string name, ExpressionValue by) => new UpdateBuilder().Increment(name, by);
    public static UpdateBuilder Increment(AttributePath path, ExpressionValue by) => new UpdateBuilder().Increment(path, by);
    public static UpdateBuilder AppendToList(string name, params ExpressionValue[] elements) => new UpdateBuilder().AppendToList(name, elements);
    public static UpdateBuilder AppendToList(AttributePath path, params ExpressionValue[] elements) => new UpdateBuilder().AppendToList(path, elements);
    public static UpdateBuilder Remove(string name) => new UpdateBuilder().Remove(name);
    public static UpdateBuilder Remove(AttributePath path) => new UpdateBuilder().Remove(path);
    public static UpdateBuilder Add(string name, ExpressionValue value) => new UpdateBuilder().Add(name, value);
    public static UpdateBuilder Add(AttributePath path, ExpressionValue value) => new UpdateBuilder().Add(path, value);
    public static UpdateBuilder Delete(string name, ExpressionValue members) => new UpdateBuilder().Delete(name, members);
    public static UpdateBuilder Delete(AttributePath path, ExpressionValue members) => new UpdateBuilder().Delete(path, members);
}
