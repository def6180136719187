using System.Diagnostics;

namespace DataTier.Tests.Wire;

/// <summary>Runs the AWS CLI (Debian's awscli, installed by test.sh) against a local endpoint with dummy credentials.</summary>
public static class AwsCli
{
    public const string Path = "/usr/bin/aws";

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string endpointUrl, params string[] arguments) =>
        RunAsync(endpointUrl, ("x", "y"), arguments);

    /// <summary>Runs the CLI with the access key <paramref name="credentials"/> (for a silo that checks signatures).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string endpointUrl, (string Id, string Secret) credentials, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpointUrl);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.Id;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.Secret;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
