using System.Diagnostics;
using System.Text;

namespace DataTier.Tests.Processes;

/// <summary>
/// A DataTier silo running as a real OS process (<c>dotnet DataTier.Silo.dll</c>) on loopback ports of its own.
/// The ports and the data directory are fixed at construction, so the silo can be killed or stopped and
/// started again on the same data. Disposing kills a running silo; nothing on disk is ever deleted.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    public const string ReadyLine = "DataTier silo started.";
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(30);
    private const int MaxCapturedChars = 200_000;

    private readonly object _outputLock = new();
    private readonly StringBuilder _output = new();
    private readonly IReadOnlyList<string> _extraArguments;
    private System.Diagnostics.Process? _process;
    private TaskCompletionSource? _ready;

    public SiloProcess(string dataDirectory, IEnumerable<string>? extraArguments = null)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        var ports = FreePorts(6);
        HttpPort = ports[0];
        SiloPort = ports[1];
        GatewayPort = ports[2];
        AdminPort = ports[3];
        RespPort = ports[4];
        MemcachedPort = ports[5];
        _extraArguments = extraArguments?.ToList() ?? [];
    }

    public string DataDirectory { get; }
    public int HttpPort { get; }
    public int SiloPort { get; }
    public int GatewayPort { get; }
    public int AdminPort { get; }
    public int RespPort { get; }
    public int MemcachedPort { get; }

    /// <summary>The admin endpoint: dashboard, /healthz, /readyz.</summary>
    public string AdminUrl => $"http://127.0.0.1:{AdminPort}";

    /// <summary>The DynamoDB endpoint, for <c>AmazonDynamoDBConfig.ServiceURL</c>.</summary>
    public string EndpointUrl => $"http://127.0.0.1:{HttpPort}";

    /// <summary>Environment variables for the next starts, e.g. settings in <c>Section__Key</c> form as Kubernetes passes them.</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>How many times the process has been started.</summary>
    public int Starts { get; private set; }

    public bool IsRunning => _process is { } p && !p.HasExited;

    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>The exit code of the last run, once it has exited.</summary>
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>Everything the silo wrote to stdout and stderr, over all its runs.</summary>
    public string Output
    {
        get { lock (_outputLock) return _output.ToString(); }
    }

    /// <summary>Starts the silo and waits for its ready line; on failure the exception carries its output.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (IsRunning) throw new InvalidOperationException($"The silo is already running (pid {_process!.Id}).");
        _process?.Dispose();
        _process = null;

        var siloDll = Path.Combine(AppContext.BaseDirectory, "DataTier.Silo.dll");
        if (!File.Exists(siloDll)) throw new FileNotFoundException("The silo assembly is not next to the test assembly.", siloDll);

        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        info.ArgumentList.Add(siloDll);
        foreach (var argument in new[]
                 {
                     $"--Endpoints:DynamoDb:Url={EndpointUrl}",
                     $"--Endpoints:Admin:Url={AdminUrl}",
                     $"--Orleans:SiloPort={SiloPort}",
                     $"--Orleans:GatewayPort={GatewayPort}",
                     $"--Endpoints:Resp:Port={RespPort}",
                     $"--Endpoints:Memcached:Port={MemcachedPort}",
                     "--Store:Kind=RocksDb",
                     $"--Store:RocksDb:Path={DataDirectory}",
                 }.Concat(_extraArguments))
            info.ArgumentList.Add(argument);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("DOTNET_URLS");
        foreach (var (name, value) in ExtraEnvironment) info.Environment[name] = value;

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ready = ready;
        var process = new System.Diagnostics.Process { StartInfo = info, EnableRaisingEvents = true };
        var run = ++Starts;
        Append($"===== start #{run}: {DotnetHost()} {string.Join(' ', info.ArgumentList)}");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            Append(e.Data);
            if (e.Data.StartsWith(ReadyLine, StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) Append("[stderr] " + e.Data);
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The silo process exited before it was ready."));

        if (!process.Start()) throw new InvalidOperationException("The silo process did not start.");
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = timeout ?? DefaultStartTimeout;
        var finished = await Task.WhenAny(ready.Task, Task.Delay(limit));
        if (finished != ready.Task)
        {
            KillProcess(process);
            throw new TimeoutException($"The silo did not print \"{ReadyLine}\" within {limit.TotalSeconds:0} s.\n{Output}");
        }
        if (ready.Task.IsFaulted)
        {
            process.WaitForExit();
            throw new InvalidOperationException(
                $"The silo process exited with code {process.ExitCode} before it was ready.\n{Output}");
        }
    }

    /// <summary>SIGKILL: the process gets no chance to flush or clean up.</summary>
    public void Kill()
    {
        if (_process is not { } process) return;
        Append($"===== SIGKILL pid {SafeId(process)}");
        KillProcess(process);
    }

    /// <summary>Graceful stop: SIGTERM (what Ctrl+C and Kubernetes both lead to; SIGINT may be ignored in a background job), then up to 30 s for the process to exit. Returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (_process is not { } process) throw new InvalidOperationException("The silo was never started.");
        if (process.HasExited) return process.ExitCode;
        Append($"===== SIGTERM pid {process.Id}");
        using (var kill = System.Diagnostics.Process.Start(new ProcessStartInfo("kill")
               {
                   ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                   UseShellExecute = false,
               })!)
        {
            await kill.WaitForExitAsync();
        }
        var limit = timeout ?? DefaultStopTimeout;
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            KillProcess(process);
            throw new TimeoutException($"The silo did not exit within {limit.TotalSeconds:0} s of SIGTERM.\n{Output}");
        }
        process.WaitForExit(); // drains the redirected output
        Append($"===== exited with code {process.ExitCode}");
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (_process is { } process)
        {
            if (!process.HasExited) KillProcess(process);
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Distinct loopback TCP ports from the silos' range (see <see cref="PortRange"/>).</summary>
    public static int[] FreePorts(int count) => PortRange.Silos.Take(count);

    private static void KillProcess(System.Diagnostics.Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.WaitForExit();
    }

    private static string SafeId(System.Diagnostics.Process process)
    {
        try { return process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture); }
        catch (InvalidOperationException) { return "?"; }
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }

    private void Append(string line)
    {
        lock (_outputLock)
        {
            if (_output.Length > MaxCapturedChars) _output.Remove(0, _output.Length - MaxCapturedChars / 2);
            _output.AppendLine(line);
        }
    }
}
