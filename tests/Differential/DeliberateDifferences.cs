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
        // a case difference's id may repeat (one entry per distinct expected answer); a case may be listed once only
        var fieldIds = list.Fields.Select(f => f.Id).ToList();
        if (fieldIds.Distinct(StringComparer.Ordinal).Count() != fieldIds.Count || list.Cases.Any(c => fieldIds.Contains(c.Id)))
            throw new InvalidOperationException("deliberate-differences.json repeats a field rule id.");
        var cases = list.Cases.SelectMany(c => c.Cases).ToList();
        if (cases.Distinct(StringComparer.Ordinal).Count() != cases.Count) throw new InvalidOperationException("deliberate-differences.json lists a case twice.");
        foreach (var f in list.Fields)
            if (f.Action is not ("remove" or "sort" or "empty")) throw new InvalidOperationException($"Field rule {f.Id}: unknown action {f.Action}.");
        return list;
    }
}
