using System.Diagnostics;

namespace DataTier.Tests.Peers;

/// <summary>
/// <c>tests/peers</c>: the npm project that pins the peer servers the tests run (dynalite). Found by
/// walking up from the test assembly to the repository root; installed on first use when
/// <c>test.sh</c> has not done it already.
/// </summary>
public static class PeerDirectory
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The absolute path of <c>tests/peers</c>.</summary>
    public static string Path { get; } = Locate();

    /// <summary>The entry script of an installed package, e.g. <c>("dynalite", "cli.js")</c>; runs <c>npm ci</c> first if it is missing.</summary>
    public static async Task<string> PackageFileAsync(string package, string file)
    {
        var path = System.IO.Path.Combine(Path, "node_modules", package, file);
        if (File.Exists(path)) return path;
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(path)) await InstallAsync();
        }
        finally
        {
            InstallLock.Release();
        }
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"npm ci in {Path} did not install {package}.", path);
    }

    private static async Task InstallAsync()
    {
        var info = new ProcessStartInfo("npm")
        {
            WorkingDirectory = Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "ci", "--no-audit", "--no-fund" }) info.ArgumentList.Add(a);
        using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start.");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
            throw new InvalidOperationException($"npm ci in {Path} failed with code {npm.ExitCode}:\n{await stdout}\n{await stderr}");
        // the marker test.sh compares with package-lock.json to know the install is current
        File.Copy(System.IO.Path.Combine(Path, "package-lock.json"), System.IO.Path.Combine(Path, "node_modules", ".peers-installed"), overwrite: true);
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Cluster.sln")))
                return System.IO.Path.Combine(dir.FullName, "tests", "peers");
        }
        throw new DirectoryNotFoundException($"No Cluster.sln above {AppContext.BaseDirectory}: cannot find tests/peers.");
    }
}
