namespace DataTier.Cache.Access;

/// <summary>A key pattern of a user's rules (<c>~pattern</c>, <c>%R~pattern</c>, <c>%W~pattern</c>, <c>%RW~pattern</c>): which keys, read or written.</summary>
public sealed record AclKeyPattern(byte[] Pattern, bool Read, bool Write)
{
    public string Describe()
    {
        var text = System.Text.Encoding.UTF8.GetString(Pattern);
        return Read && Write ? "~" + text : Read ? "%R~" + text : "%W~" + text;
    }
}
