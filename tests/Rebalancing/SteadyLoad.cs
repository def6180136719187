using DataTier.Client;
using DataTier.Client.Requests;
using DataTier.Model;

namespace DataTier.Tests.Rebalancing;

/// <summary>
/// Writers and readers through the SDK, for tests that change the cluster under load. Each key has
/// one writer, which writes 1, 2, 3, ... to it in order, so the last acknowledged number of every key
/// is known: a consistent read must never return less (that would be a lost write). Readers check
/// that on every read; <see cref="VerifyAsync"/> checks every key once the load has stopped.
/// </summary>
public sealed class SteadyLoad
{
    private readonly ITableClient _tables;
    private readonly string[] _tableNames;
    private readonly int _keysPerWriter;
    private readonly Dictionary<string, long> _attempted = [];
    private readonly Dictionary<string, long> _acknowledged = [];
    private readonly List<(long Target, TaskCompletionSource Done)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private long _succeeded;
    private long _failed;
    private long _lost;

    public SteadyLoad(ITableClient tables, string[] tableNames, int writers, int readers, int keysPerWriter)
    {
        _tables = tables;
        _tableNames = tableNames;
        _keysPerWriter = keysPerWriter;
        for (var w = 0; w < writers; w++)
        {
            var writer = w;
            _workers.Add(Task.Run(() => WriteAsync(writer)));
        }
        for (var r = 0; r < readers; r++)
        {
            var reader = r;
            _workers.Add(Task.Run(() => ReadAsync(reader)));
        }
    }

    public long Succeeded => Interlocked.Read(ref _succeeded);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Reads that returned less than a number already acknowledged for that key.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    public Exception? LastError { get; private set; }

    public int KeysWritten
    {
        get { lock (_acknowledged) return _acknowledged.Count; }
    }

    /// <summary>Completes once <paramref name="requests"/> more requests have succeeded.</summary>
    public Task Progress(long requests)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters) _waiters.Add((Succeeded + requests, done));
        return done.Task;
    }

    /// <summary>Forgets the failures so far (after a phase where they are allowed).</summary>
    public void ResetFailures() => Interlocked.Exchange(ref _failed, 0);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    /// <summary>Reads every key written (retrying while the cluster recovers) and returns the keys whose value is older than the last acknowledged write.</summary>
    public async Task<List<string>> VerifyAsync(TimeSpan patience)
    {
        Dictionary<string, long> acknowledged, attempted;
        lock (_acknowledged) acknowledged = new(_acknowledged);
        lock (_attempted) attempted = new(_attempted);
        List<string> lost = [];
        var deadline = DateTime.UtcNow + patience;
        foreach (var (key, attempt) in attempted)
        {
            while (true)
            {
                try
                {
                    var value = await ReadValueAsync(key);
                    var acked = acknowledged.GetValueOrDefault(key);
                    if (value < acked || value > attempt) lost.Add($"{key}: read {value}, acknowledged {acked}, attempted {attempt}");
                    break;
                }
                catch (Exception) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }
        return lost;
    }

    private async Task WriteAsync(int writer)
    {
        for (long n = 1; !_stop.IsCancellationRequested; n++)
        {
            var key = $"w{writer}-{n % _keysPerWriter}";
            lock (_attempted) _attempted[key] = n;
            try
            {
                await _tables.PutItemAsync(new PutItemRequest
                {
                    TableName = TableOf(key),
                    Item = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(key), ["v"] = AttrValue.FromN(n) },
                });
                lock (_acknowledged) _acknowledged[key] = n;
                Succeed();
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }
    }

    private async Task ReadAsync(int reader)
    {
        var random = new Random(reader);
        while (!_stop.IsCancellationRequested)
        {
            string key;
            long acked;
            lock (_acknowledged)
            {
                if (_acknowledged.Count == 0) key = "";
                else
                {
                    key = _acknowledged.Keys.ElementAt(random.Next(_acknowledged.Count));
                }
                acked = key.Length == 0 ? 0 : _acknowledged[key];
            }
            if (key.Length == 0)
            {
                await Task.Yield();
                continue;
            }
            try
            {
                if (await ReadValueAsync(key) < acked) Interlocked.Increment(ref _lost);
                Succeed();
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }
    }

    private async Task<long> ReadValueAsync(string key)
    {
        var read = await _tables.GetItemAsync(new GetItemRequest
        {
            TableName = TableOf(key),
            Key = new Dictionary<string, AttrValue> { ["pk"] = AttrValue.FromS(key) },
            ConsistentRead = true,
        });
        return read.Item is null ? 0 : long.Parse(read.Item["v"].Text!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private string TableOf(string key) => _tableNames[(int)((uint)key.GetHashCode(StringComparison.Ordinal) % (uint)_tableNames.Length)];

    private void Succeed()
    {
        var total = Interlocked.Increment(ref _succeeded);
        lock (_waiters)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target > total) continue;
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private void Fail(Exception e)
    {
        Interlocked.Increment(ref _failed);
        LastError = e;
    }
}
