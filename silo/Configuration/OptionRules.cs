using System.Net;
using System.Reflection;

namespace DataTier.Silo.Configuration;

/// <summary>
/// The checks every bound options object gets, each problem naming its setting by its full key: no
/// negative sizes, counts or intervals; enum values that exist; ports in range; absolute http(s) URLs;
/// IP addresses. Then the class's own <c>Validate()</c>, whose <see cref="ArgumentException"/> is
/// reported under the setting its parameter names.
/// </summary>
public static class OptionRules
{
    public static IReadOnlyList<string> Problems(string section, object options)
    {
        var problems = new List<string>();
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0) continue;
            if (Problem($"{section}:{property.Name}", property.Name, property.GetValue(options)) is { } problem) problems.Add(problem);
        }
        if (problems.Count == 0 && ValidateProblem(section, options) is { } invalid) problems.Add(invalid);
        return problems;
    }

    private static string? Problem(string key, string name, object? value) => value switch
    {
        Enum e when !Enum.IsDefined(e.GetType(), e) =>
            $"{key} must be one of {string.Join(", ", Enum.GetNames(e.GetType()))} (was '{e}')",
        TimeSpan t when t < TimeSpan.Zero => $"{key} must not be negative (was {t:c})",
        int or long when Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) is var n && n < 0 =>
            $"{key} must not be negative (was {n})",
        int port when name.EndsWith("Port", StringComparison.Ordinal) && port > IPEndPoint.MaxPort =>
            $"{key} must be a TCP port, 0 to {IPEndPoint.MaxPort} (was {port})",
        string url when name.EndsWith("Url", StringComparison.Ordinal) && !IsHttpUrl(url) =>
            $"{key} must be an absolute http or https URL (was '{url}')",
        string address when name.EndsWith("Address", StringComparison.Ordinal) && !IPAddress.TryParse(address, out _) =>
            $"{key} must be an IP address (was '{address}')",
        _ => null,
    };

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? ValidateProblem(string section, object options)
    {
        if (options.GetType().GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not { } validate) return null;
        try
        {
            validate.Invoke(options, null);
            return null;
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException invalid)
        {
            var message = invalid.ParamName is null ? invalid.Message : invalid.Message.Replace($" (Parameter '{invalid.ParamName}')", "", StringComparison.Ordinal);
            if (message.StartsWith(section + ":", StringComparison.Ordinal) || invalid.ParamName is null) return message;
            return $"{section}:{invalid.ParamName} {message}";
        }
    }
}
