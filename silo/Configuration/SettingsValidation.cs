namespace DataTier.Silo.Configuration;

/// <summary>
/// Checks the settings of every options class in <see cref="SiloOptionsRegistry"/> before the host is
/// built, so a value of the wrong type or out of range stops the silo with a message naming the setting.
/// (Sections that fall back on another, the membership connection, are checked once bound: <see cref="StartupValidation"/>.)
/// </summary>
public static class SettingsValidation
{
    public static IReadOnlyList<string> Problems(IConfiguration config)
    {
        var problems = new List<string>();
        foreach (var entry in SiloOptionsRegistry.All.Where(e => e.DefaultsFrom is null))
        {
            object options;
            try
            {
                if (!entry.AppliesWhen(config)) continue;
                options = config.GetSection(entry.Section).Get(entry.Type) ?? Activator.CreateInstance(entry.Type)!;
            }
            catch (InvalidOperationException e)
            {
                // The binder names the key and the type: "Failed to convert configuration value 'soon' at 'Rebalancing:HandOffTimeout' to type 'System.TimeSpan'."
                problems.Add(e.Message);
                continue;
            }
            problems.AddRange(OptionRules.Problems(entry.Section, options));
        }
        return problems;
    }

    /// <summary>False, after writing each problem to standard error, when a setting is invalid.</summary>
    public static bool SettingsAreValid(this IConfiguration config)
    {
        var problems = Problems(config);
        foreach (var problem in problems) Console.Error.WriteLine($"DataTier silo not started: {problem}");
        return problems.Count == 0;
    }
}
