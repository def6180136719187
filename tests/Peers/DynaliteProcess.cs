using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataTier.Tests.Processes;

namespace DataTier.Tests.Peers;

/// <summary>
/// dynalite (an implementation of DynamoDB's API on LevelDB, pinned in <c>tests/peers/package.json</c>)
/// running as a node process on 127.0.0.1 and a port of the peers' range. <see cref="StartAsync"/>
/// returns once it listens; disposing kills it.
/// </summary>
public sealed class DynaliteProcess : IAsyncDisposable, IDisposable
{
    private const string ListeningLine = "Dynalite listening at:";
    private const int MaxCapturedChars = 100_000;

    private readonly object _outputLock = new();
    private readonly StringBuilder _output = new();
    private Process? _process;

    public DynaliteProcess(DynaliteOptions? options = null)
    {
        Options = options ?? new DynaliteOptions();
        Port = PortRange.Peers.Take(1)[0];
    }

    public DynaliteOptions Options { get; }

    public int Port { get; }

    /// <summary>The endpoint, for <c>AmazonDynamoDBConfig.ServiceURL</c> or raw HTTP.</summary>
    public string EndpointUrl => $"http://127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What dynalite wrote to stdout and stderr.</summary>
    public string Output
    {
        get { lock (_outputLock) return _output.ToString(); }
    }

    /// <summary>Starts dynalite (installing it first if needed) and waits for its listening line.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) throw new InvalidOperationException("dynalite is already running.");
        var cli = await PeerDirectory.PackageFileAsync("dynalite", "cli.js");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("NODE") is { Length: > 0 } node ? node : "node")
        {
            WorkingDirectory = PeerDirectory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(cli);
        if (Options.Region is { } region) info.Environment["AWS_REGION"] = region;
        if (Options.AccountId is { } account) info.Environment["AWS_ACCOUNT_ID"] = account;
        foreach (var a in Arguments()) info.ArgumentList.Add(a);

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            Append(e.Data);
            if (e.Data.StartsWith(ListeningLine, StringComparison.Ordinal)) listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) Append("[stderr] " + e.Data);
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("dynalite exited before it listened."));
        Append($"===== {info.FileName} {string.Join(' ', info.ArgumentList)}");
        if (!process.Start()) throw new InvalidOperationException("dynalite did not start.");
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await listening.Task.WaitAsync(Options.StartTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Kill();
            throw new InvalidOperationException($"dynalite did not start listening on {EndpointUrl}: {e.Message}\n{Output}", e);
        }
    }

    private IEnumerable<string> Arguments()
    {
        var inv = CultureInfo.InvariantCulture;
        yield return "--host";
        yield return "127.0.0.1";
        yield return "--port";
        yield return Port.ToString(inv);
        yield return "--createTableMs";
        yield return Options.CreateTableMs.ToString(inv);
        yield return "--deleteTableMs";
        yield return Options.DeleteTableMs.ToString(inv);
        yield return "--updateTableMs";
        yield return Options.UpdateTableMs.ToString(inv);
        if (Options.MaxItemSizeKb is { } kb)
        {
            yield return "--maxItemSizeKb";
            yield return kb.ToString(inv);
        }
        if (Options.DataPath is { } path)
        {
            yield return "--path";
            yield return System.IO.Path.GetFullPath(path);
        }
    }

    /// <summary>SIGKILL; LevelDB on disk (with <see cref="DynaliteOptions.DataPath"/>) keeps what it had written.</summary>
    public void Kill()
    {
        if (_process is not { } process) return;
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

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
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
