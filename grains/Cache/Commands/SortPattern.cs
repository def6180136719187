namespace DataTier.Cache.Commands;

/// <summary>
/// A BY or GET pattern applied to an element, as Redis' lookupKeyByPattern does: <c>#</c> is the element itself; the
/// first <c>*</c> is replaced by the element to name a key, and <c>-&gt;field</c> after it names a field of that hash.
/// </summary>
public static class SortPattern
{
    public static bool IsElement(byte[] pattern) => pattern is [(byte)'#'];

    /// <summary>The key (and hash field) the pattern names for the element; null for a pattern without <c>*</c> (it names nothing).</summary>
    public static (byte[] Key, byte[]? Field)? Target(byte[] pattern, byte[] element)
    {
        var star = Array.IndexOf(pattern, (byte)'*');
        if (star < 0) return null;
        var arrow = pattern.AsSpan(star + 1).IndexOf("->"u8);
        // An arrow at the very end names no field: it stays part of the key.
        var field = arrow >= 0 && star + 1 + arrow + 2 < pattern.Length ? pattern[(star + 1 + arrow + 2)..] : null;
        var suffixEnd = field is null ? pattern.Length : star + 1 + arrow;
        byte[] key = [.. pattern.AsSpan(0, star), .. element, .. pattern.AsSpan(star + 1, suffixEnd - star - 1)];
        return (key, field);
    }
}
