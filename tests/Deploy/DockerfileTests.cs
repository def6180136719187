using System.Globalization;
using System.Xml.Linq;
using Xunit;

namespace DataTier.Tests.Deploy;

public sealed class DockerfileTests
{
    private static readonly Dockerfile Docker = new(Path.Combine(RepositoryPaths.Deploy, "Dockerfile"));

    [Fact]
    public void An_sdk_stage_builds_and_an_aspnet_stage_runs()
    {
        Assert.True(Docker.Stages.Count >= 2);
        var build = Docker.Stages.ToList().FindIndex(s => s.Image == "mcr.microsoft.com/dotnet/sdk:10.0");
        Assert.True(build >= 0 && build < Docker.FinalStage, "no SDK stage before the runtime stage");
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", Docker.Stages[Docker.FinalStage].Image);
        Assert.Contains(Docker.InStage(build, "RUN"), i => i.Arguments.Contains("dotnet publish silo/DataTier.Silo.csproj", StringComparison.Ordinal));
        Assert.Contains(Docker.InStage(Docker.FinalStage, "COPY"), i => i.Arguments.StartsWith($"--from={Docker.Stages[build].Name} ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_stage_copies_every_project_the_silo_needs()
    {
        var copied = Docker.InStage(0, "COPY").Select(i => i.Arguments).ToList();
        Assert.Contains(copied, c => c.Contains("Directory.Build.props", StringComparison.Ordinal) && c.Contains("Directory.Packages.props", StringComparison.Ordinal));
        foreach (var project in ProjectClosure(Path.Combine(RepositoryPaths.Root, "silo", "DataTier.Silo.csproj")))
        {
            var folder = Path.GetRelativePath(RepositoryPaths.Root, Path.GetDirectoryName(project)!).Replace('\\', '/');
            Assert.Contains(copied, c => c.StartsWith($"{folder}/ {folder}/", StringComparison.Ordinal));
            Assert.Contains(copied, c => c.StartsWith($"{folder}/{Path.GetFileName(project)} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_silo_runs_as_a_non_root_user()
    {
        var user = Docker.InStage(Docker.FinalStage, "USER").Last().Arguments.Split(':')[0];
        Assert.DoesNotContain(user, new[] { "root", "0", "" });
        // $APP_UID is the .NET images' non-root "app" user (1654), which the pods' runAsUser names too.
        Assert.True(user == "$APP_UID" || int.Parse(user, CultureInfo.InvariantCulture) > 0, user);
        var lastUserLine = Docker.Instructions.ToList().FindLastIndex(i => i.Keyword == "USER");
        var entry = Docker.Instructions.ToList().FindIndex(i => i.Keyword == "ENTRYPOINT");
        Assert.True(lastUserLine < entry);
    }

    [Fact]
    public void The_entry_point_runs_the_silo_assembly()
    {
        var entry = Dockerfile.ExecForm(Docker.InStage(Docker.FinalStage, "ENTRYPOINT").Single().Arguments);
        var project = XDocument.Load(Path.Combine(RepositoryPaths.Root, "silo", "DataTier.Silo.csproj"));
        var assembly = project.Descendants("AssemblyName").SingleOrDefault()?.Value ?? "DataTier.Silo";
        Assert.Equal(["dotnet", assembly + ".dll"], entry);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, assembly + ".dll")));
    }

    [Fact]
    public void The_image_exposes_the_ports_and_checks_healthz_on_the_admin_port()
    {
        var exposed = Docker.InStage(Docker.FinalStage, "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).ToHashSet();
        var pod = new RenderedOverlay("shared-store").ContainerPorts.Values.ToHashSet();
        Assert.Equal(pod.Order(), exposed.Order());
        var environment = Docker.InStage(Docker.FinalStage, "ENV").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var admin = new Uri(environment["Endpoints__Admin__Url"]);
        Assert.Equal("0.0.0.0", admin.Host);
        Assert.Equal("0.0.0.0", new Uri(environment["Endpoints__DynamoDb__Url"]).Host);
        var check = Docker.InStage(Docker.FinalStage, "HEALTHCHECK").Single().Arguments;
        Assert.Contains(ProbePaths.Liveness, check, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1/{admin.Port}", check, StringComparison.Ordinal);
        Assert.Contains("CMD", check, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_tests()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Deploy, "Dockerfile.dockerignore"));
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("tests/", ignored);
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([Path.GetFullPath(project)]);
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (!seen.Add(next)) continue;
            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
                queue.Enqueue(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, reference.Attribute("Include")!.Value)));
        }
        return seen;
    }
}
