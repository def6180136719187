using System.Text.Json;

namespace DataTier.Tests.Differential;

/// <summary>
/// The allow-list of deliberate differences from dynalite (<c>deliberate-differences.json</c>, embedded
/// in the test assembly; <c>docs/compatibility.md</c> explains each entry).
/// </summary>
public sealed record DeliberateDifferences
{
    public required IReadOnlyList<FieldRule> Fields { get; init; }
    public required IReadOnlyList<CaseDifference> Cases { get; init; }

    public static DeliberateDifferences Instance { get; } = Load();

    /// <summary>The case difference for step <paramref name="step"/> (from 1) of the case, if one is listed.</summary>
    public CaseDifference? For(DiffCase c, int step)
    {
        var key = step == c.Steps.Count ? c.Name : $"{c.Name}#{step}";
        return Cases.FirstOrDefault(d => d.Cases.Contains(key, StringComparer.Ordinal));
    }

    private static DeliberateDifferences Load()
    {
        using var stream = typeof(DeliberateDifferences).Assembly.GetManifestResourceStream("DataTier.Tests.Differential.deliberate-differences.json")
            ?? throw new InvalidOperationException("deliberate-differences.json is not embedded in the test assembly.");
        var list = JsonSerializer.Deserialize<DeliberateDifferences>(stream, new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }) ?? throw new InvalidOperationException("deliberate-differences.json is empty.");
        var ids = list.Fields.Select(f => f.Id).Concat(list.Cases.Select(c => c.Id)).ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count) throw new InvalidOperationException("deliberate-differences.json repeats an id.");
        foreach (var f in list.Fields)
            if (f.Action is not ("remove" or "sort")) throw new InvalidOperationException($"Field rule {f.Id}: unknown action {f.Action}.");
        return list;
    }
}
