namespace DataTier.Tests.Deploy;

/// <summary>Paths in the source tree, found from the test assembly's folder up to <c>Cluster.sln</c>.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Deploy => Path.Combine(Root, "deploy");

    public static string Overlay(string name) => Path.Combine(Deploy, "overlays", name);

    public static string SiloAppSettings => Path.Combine(Root, "silo", "appsettings.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("No Cluster.sln above " + AppContext.BaseDirectory);
    }
}
