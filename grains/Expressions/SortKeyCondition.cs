using DataTier.Model;

namespace DataTier.Expressions;

public enum SortKeyOp { Eq, Lt, Le, Gt, Ge, Between, BeginsWith }

/// <summary>The sort-key part of a key condition.</summary>
public sealed record SortKeyCondition(SortKeyOp Op, AttrValue Value, AttrValue? High = null);
