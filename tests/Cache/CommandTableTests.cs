using System.Text;
using DataTier.Cache.Commands;
using Xunit;

namespace DataTier.Tests.Cache;

/// <summary>Looking a command up by the bytes a client sent, as the RESP session and scripts do.</summary>
public sealed class CommandTableTests
{
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var spec in CommandTable.All) names.Add(spec.Name);
        return names;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_command_is_found_by_its_bytes_in_any_case(string name)
    {
        var spec = CommandTable.Find(name);
        Assert.NotNull(spec);
        Assert.Same(spec, CommandTable.Find(Encoding.ASCII.GetBytes(name.ToUpperInvariant())));
        Assert.Same(spec, CommandTable.Find(Encoding.ASCII.GetBytes(name.ToLowerInvariant())));
        var mixed = string.Concat(name.Select((c, i) => i % 2 == 0 ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));
        Assert.Same(spec, CommandTable.Find(Encoding.ASCII.GetBytes(mixed)));
    }

    [Theory]
    [InlineData("GE")]
    [InlineData("GETT")]
    [InlineData("GET\0")]
    [InlineData("\0GET")]
    [InlineData("G\0T")]
    [InlineData("SETNX\0\0\0")]
    [InlineData("GE[")] // '[' is not a letter: not folded onto any name's byte
    [InlineData("g`t")]
    [InlineData("")]
    [InlineData("NOSUCHCOMMANDATALL")]
    public void Near_misses_are_not_found(string name) =>
        Assert.Null(CommandTable.Find(Encoding.Latin1.GetBytes(name)));

    [Fact]
    public void Non_ascii_bytes_are_not_folded_onto_a_name()
    {
        // 0xC7 0xC5 0xD4 would be "ÇÅÔ" as Latin-1; no fold of these may reach "GET".
        Assert.Null(CommandTable.Find(new byte[] { 0xC7, 0xC5, 0xD4 }));
        Assert.Null(CommandTable.Find(new byte[] { (byte)'G', (byte)'E', (byte)'T', 0x80 }));
    }
}
