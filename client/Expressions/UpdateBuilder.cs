using DataTier.Model;

namespace DataTier.Client.Expressions;

/// <summary>
/// A built UpdateExpression: SET, REMOVE, ADD and DELETE actions, each clause written once. Immutable:
/// every method returns a new builder.
/// </summary>
public sealed class UpdateBuilder
{
    private static readonly AttrValue Zero = AttrValue.FromN(0);
    private static readonly AttrValue EmptyList = AttrValue.FromL([]);

    private readonly IReadOnlyList<Func<ExpressionAttributes, string>> _set;
    private readonly IReadOnlyList<Func<ExpressionAttributes, string>> _remove;
    private readonly IReadOnlyList<Func<ExpressionAttributes, string>> _add;
    private readonly IReadOnlyList<Func<ExpressionAttributes, string>> _delete;

    public UpdateBuilder() : this([], [], [], []) { }

    private UpdateBuilder(IReadOnlyList<Func<ExpressionAttributes, string>> set, IReadOnlyList<Func<ExpressionAttributes, string>> remove,
        IReadOnlyList<Func<ExpressionAttributes, string>> add, IReadOnlyList<Func<ExpressionAttributes, string>> delete)
    {
        (_set, _remove, _add, _delete) = (set, remove, add, delete);
    }

    public bool IsEmpty => _set.Count + _remove.Count + _add.Count + _delete.Count == 0;

    /// <summary>SET name = value.</summary>
    public UpdateBuilder Set(string name, ExpressionValue value) => Set(AttributePath.Of(name), value);

    public UpdateBuilder Set(AttributePath path, ExpressionValue value)
    {
        var v = value.Value;
        return WithSet(a => $"{a.Path(path)} = {a.Value(v)}");
    }

    /// <summary>SET name = if_not_exists(name, value): writes only when the attribute is missing.</summary>
    public UpdateBuilder SetIfNotExists(string name, ExpressionValue value) => SetIfNotExists(AttributePath.Of(name), value);

    public UpdateBuilder SetIfNotExists(AttributePath path, ExpressionValue value)
    {
        var v = value.Value;
        return WithSet(a => { var p = a.Path(path); return $"{p} = if_not_exists({p}, {a.Value(v)})"; });
    }

    /// <summary>SET name = if_not_exists(name, 0) + by: adds to a number, starting from zero when it is missing.</summary>
    public UpdateBuilder Increment(string name, ExpressionValue by) => Increment(AttributePath.Of(name), by);

    public UpdateBuilder Increment(AttributePath path, ExpressionValue by)
    {
        var v = RequireType(by, AttrType.N, nameof(by));
        return WithSet(a => { var p = a.Path(path); return $"{p} = if_not_exists({p}, {a.Value(Zero)}) + {a.Value(v)}"; });
    }

    /// <summary>SET name = list_append(if_not_exists(name, []), elements): appends to a list, creating it when missing.</summary>
    public UpdateBuilder AppendToList(string name, params ExpressionValue[] elements) => AppendToList(AttributePath.Of(name), elements);

    public UpdateBuilder AppendToList(AttributePath path, params ExpressionValue[] elements)
    {
        var list = AttrValue.FromL(elements.Select(e => e.Value).ToList());
        return WithSet(a => { var p = a.Path(path); return $"{p} = list_append(if_not_exists({p}, {a.Value(EmptyList)}), {a.Value(list)})"; });
    }

    /// <summary>REMOVE name.</summary>
    public UpdateBuilder Remove(string name) => Remove(AttributePath.Of(name));

    public UpdateBuilder Remove(AttributePath path) => new(_set, [.. _remove, a => a.Path(path)], _add, _delete);

    /// <summary>ADD name value: adds a number, or unions a set, creating the attribute when missing.</summary>
    public UpdateBuilder Add(string name, ExpressionValue value) => Add(AttributePath.Of(name), value);

    public UpdateBuilder Add(AttributePath path, ExpressionValue value)
    {
        var v = RequireType(value, nameof(value), AttrType.N, AttrType.SS, AttrType.NS, AttrType.BS);
        return new(_set, _remove, [.. _add, a => $"{a.Path(path)} {a.Value(v)}"], _delete);
    }

    /// <summary>DELETE name set: removes members from a set.</summary>
    public UpdateBuilder Delete(string name, ExpressionValue members) => Delete(AttributePath.Of(name), members);

    public UpdateBuilder Delete(AttributePath path, ExpressionValue members)
    {
        var v = RequireType(members, nameof(members), AttrType.SS, AttrType.NS, AttrType.BS);
        return new(_set, _remove, _add, [.. _delete, a => $"{a.Path(path)} {a.Value(v)}"]);
    }

    /// <summary>The expression text alone, with placeholders numbered as if it were the request's only expression.</summary>
    public override string ToString() => Render(new ExpressionAttributes()) ?? "";

    internal string? Render(ExpressionAttributes attributes)
    {
        var clauses = new List<string>();
        Clause("SET", _set);
        Clause("REMOVE", _remove);
        Clause("ADD", _add);
        Clause("DELETE", _delete);
        return clauses.Count == 0 ? null : string.Join(" ", clauses);

        void Clause(string keyword, IReadOnlyList<Func<ExpressionAttributes, string>> actions)
        {
            if (actions.Count > 0) clauses.Add($"{keyword} {string.Join(", ", actions.Select(action => action(attributes)))}");
        }
    }

    private UpdateBuilder WithSet(Func<ExpressionAttributes, string> action) => new([.. _set, action], _remove, _add, _delete);

    private static AttrValue RequireType(ExpressionValue value, AttrType type, string parameter) => RequireType(value, parameter, type);

    private static AttrValue RequireType(ExpressionValue value, string parameter, params AttrType[] types) =>
        types.Contains(value.Value.Type)
            ? value.Value
            : throw new ArgumentException($"Expected a value of type {string.Join(" or ", types)}, not {value.Value.Type}.", parameter);
}
