using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using System.ComponentModel;
using System.Reflection;
using DataTier.Silo.Configuration;
using Microsoft.Extensions.Logging.Console;

namespace DataTier.Tests.Deploy;

/// <summary>
/// The configuration keys the silo reads: the options classes it binds, by section, and the keys of its
/// appsettings.json. Answers whether an environment variable in <c>Section__Key</c> form names one of
/// them, with a value the setting's type accepts.
/// </summary>
public static class SiloSettings
{
    /// <summary>Sections and the options classes the silo binds them to (its registry, plus Orleans' and the console logger's).</summary>
    public static readonly IReadOnlyList<(string Section, Type[] Types)> Sections =
    [
        .. SiloOptionsRegistry.All.Select(o => (o.Section, new[] { o.Type })),
        ("Clustering:Membership", [typeof(Orleans.Configuration.ClusterMembershipOptions)]),
        ("Clustering:Directory", [typeof(Orleans.Configuration.GrainDirectoryOptions)]),
        ("Logging:Console", [typeof(ConsoleLoggerOptions)]),
        ("Logging:Console:FormatterOptions", [typeof(JsonConsoleFormatterOptions), typeof(SimpleConsoleFormatterOptions)]),
    ];

    /// <summary>Settings being added elsewhere right now; see <see cref="PendingSetting"/>.</summary>
    public static readonly IReadOnlyList<PendingSetting> Pending =
    [
        new("Endpoints:Resp", "Endpoints:Resp:Enabled"),
        new("Endpoints:Resp", "Endpoints:Resp:Address"),
        new("Endpoints:Resp", "Endpoints:Resp:Port"),
        new("Endpoints:Memcached", "Endpoints:Memcached:Enabled"),
        new("Endpoints:Memcached", "Endpoints:Memcached:Address"),
        new("Endpoints:Memcached", "Endpoints:Memcached:Port"),
        new("Store:DynamoDb", "Store:DynamoDb:ServiceUrl"),
        new("Store:DynamoDb", "Store:DynamoDb:Region"),
        new("Store:DynamoDb", "Store:DynamoDb:TablePrefix"),
        new("Store:DynamoDb", "Store:DynamoDb:CreateTables"),
        new("Store:DynamoDb", "Store:Kind", "DynamoDb"),
        new("Clustering", "Clustering:Kind"),
    ];

    private static readonly Lazy<HashSet<string>> AppSettingsKeys = new(() =>
    {
        var config = new ConfigurationBuilder().AddJsonFile(RepositoryPaths.SiloAppSettings).Build();
        return config.AsEnumerable().Where(kv => kv.Value is not null).Select(kv => kv.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    /// <summary><c>Endpoints__DynamoDb__Url</c> → <c>Endpoints:DynamoDb:Url</c>, as .NET's environment variable provider maps it.</summary>
    public static string KeyOf(string environmentVariable) => environmentVariable.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Null when the key is a setting the silo reads and the value fits it; otherwise why not.</summary>
    public static string? Problem(string key, string value)
    {
        if (key.StartsWith("Logging:LogLevel:", StringComparison.OrdinalIgnoreCase))
            return Enum.TryParse<LogLevel>(value, ignoreCase: true, out _) ? null : $"{key}={value}: not a log level";

        var pending = Pending.Where(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)
                                         && (p.Value is null || string.Equals(p.Value, value, StringComparison.OrdinalIgnoreCase))).ToList();
        if (pending.Count > 0 && pending.All(p => !IsKnownSection(p.Section))) return null;

        var section = Sections.Where(s => key.StartsWith(s.Section + ":", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(s => s.Section.Length).Select(s => (s.Section, s.Types)).FirstOrDefault();
        string? problem = null;
        if (section.Section is not null)
        {
            var remainder = key[(section.Section.Length + 1)..].Split(':');
            foreach (var type in section.Types)
            {
                var (exists, valueProblem) = CheckProperty(type, remainder, key, value);
                if (exists) return valueProblem;
                problem = $"{key}: {string.Join(" and ", section.Types.Select(t => t.Name))} have no settable property {string.Join(':', remainder)}";
            }
        }
        // Sections read without an options class registered above are known by their appsettings.json keys.
        if (AppSettingsKeys.Value.Contains(key)) return null;
        return problem ?? $"{key}: no options class or appsettings.json key of the silo has it";
    }

    private static bool IsKnownSection(string section) =>
        Sections.Any(s => string.Equals(s.Section, section, StringComparison.OrdinalIgnoreCase))
        || AppSettingsKeys.Value.Any(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the property path exists on the type, and if so what is wrong with the value.</summary>
    private static (bool Exists, string? Problem) CheckProperty(Type type, string[] path, string key, string value)
    {
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null) return (false, null);
        if (path.Length > 1) return CheckProperty(property.PropertyType, path[1..], key, value);
        if (property.SetMethod is not { IsPublic: true }) return (false, null);
        var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (target == typeof(string)) return (true, null);
        try
        {
            TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
            return (true, null);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return (true, $"{key}={value}: not a {target.Name} ({e.Message})");
        }
    }
}
