using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using DataTier.Silo.Configuration;
using Microsoft.Extensions.Configuration;

namespace DataTier.Tests.Settings;

/// <summary>
/// A setting the silo reads: a public settable property of an options class in <see cref="SiloOptionsRegistry"/>,
/// its appsettings key and environment variable, and its default (silo/appsettings.json's value where
/// it sets one, otherwise the property's initial value).
/// </summary>
public sealed record DocumentedSetting(string Key, PropertyInfo Property, object? Default, bool Inherited)
{
    public string EnvironmentVariable => Key.Replace(":", "__", StringComparison.Ordinal);

    public static IEnumerable<DocumentedSetting> All(IConfiguration appSettings)
    {
        foreach (var entry in SiloOptionsRegistry.All)
        {
            var defaults = Activator.CreateInstance(entry.Type)!;
            foreach (var property in entry.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
            {
                if (property.SetMethod is not { IsPublic: true }) continue;
                var key = $"{entry.Section}:{property.Name}";
                if (IsDictionary(property.PropertyType)) key += ":NAME";
                var value = appSettings[key] is { } configured ? Convert(property.PropertyType, configured) : property.GetValue(defaults);
                yield return new DocumentedSetting(key, property, IsDictionary(property.PropertyType) ? null : value, entry.DefaultsFrom is not null);
            }
        }
    }

    /// <summary>The default as the table shows it: <c>`value`</c>, or (none) and (empty).</summary>
    public string DefaultCell => Default switch
    {
        null => "(none)",
        "" => "(empty)",
        TimeSpan t => $"`{t.ToString("c", CultureInfo.InvariantCulture)}`",
        bool b => b ? "`true`" : "`false`",
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => $"`{Default}`",
    };

    /// <summary>Null when the table's default cell states this default; otherwise what is wrong.</summary>
    public string? DefaultProblem(string cell)
    {
        var code = ConfigurationTable.Code(cell);
        switch (Default)
        {
            case null:
                return cell.StartsWith("(none)", StringComparison.Ordinal) ? null : "should be (none)";
            case "":
                return cell.StartsWith("(empty)", StringComparison.Ordinal) ? null : "should be (empty)";
        }
        if (code is null) return $"should start with {DefaultCell}";
        try
        {
            return Equals(Convert(Property.PropertyType, code), Default) ? null : $"says {code}, the silo's default is {DefaultCell}";
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return $"{code} is not a {Property.PropertyType.Name}; the silo's default is {DefaultCell}";
        }
    }

    private static object? Convert(Type type, string text) =>
        TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).ConvertFromInvariantString(text);

    private static bool IsDictionary(Type type) => typeof(IDictionary).IsAssignableFrom(type);
}
