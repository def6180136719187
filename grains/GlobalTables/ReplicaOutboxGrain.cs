using System.Text;
using DataTier.Configuration;
using DataTier.Errors;
using DataTier.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataTier.GlobalTables;

/// <summary>
/// One region's queue of owed messages (see <see cref="IReplicaOutboxGrain"/>): a change log of its own under a
/// reserved table id, each record the target and body of one message, trimmed as the region takes them. A message
/// the region refuses for good (a ValidationException, say: the change cannot be made there) is logged and dropped;
/// one that fails for a reason that may pass (the region down, busy, or refusing this region's signature) is retried
/// every <c>ShipInterval</c> × 20 until it is taken, and the failure logged once a minute.
/// </summary>
public sealed partial class ReplicaOutboxGrain(ITableStore store, IReplicaTransport transport, IOptions<GlobalTablesOptions> options,
    ILogger<ReplicaOutboxGrain> logger) : Grain, IReplicaOutboxGrain
{
    /// <summary>The reserved table id of every region's queue (user tables get random ids).</summary>
    public static readonly Guid TableId = new("6f757462-6f78-4000-8000-7265706c6963");

    private readonly Queue<ChangeRecord> _pending = new();
    private string _region = "";
    private string _log = "";
    private long _next;
    private bool _loaded;
    private IGrainTimer? _retry;
    private readonly RepeatedFailureLog _failures = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _region = this.GetPrimaryKeyString();
        _log = "outbox/" + _region;
        return Task.CompletedTask;
    }

    public async Task<bool> Send(string operation, byte[] body)
    {
        await LoadAsync();
        var record = new ChangeRecord(_log, _next, Encode(operation, body));
        await store.WriteAsync(TableId, [], [record]);
        _next++;
        _pending.Enqueue(record);
        return await DeliverOrWarnAsync();
    }

    public async Task Call(string operation, byte[] body)
    {
        await LoadAsync();
        if (!await DeliverOrWarnAsync())
            throw new DynamoException(DynamoErrorCode.InternalServerError,
                $"Region {_region} has not yet taken {_pending.Count} earlier changes of replica groups or table settings; try again when it answers");
        await transport.SendAsync(_region, operation, body);
    }

    public async Task Poke()
    {
        await LoadAsync();
        await DeliverOrWarnAsync();
    }

    private async Task LoadAsync()
    {
        if (_loaded) return;
        while (true)
        {
            var from = _pending.Count == 0 ? 0 : _pending.Last().Sequence + 1;
            var page = await store.ReadChangesAsync(TableId, _log, from, 100);
            foreach (var record in page) _pending.Enqueue(record);
            if (page.Count < 100) break;
        }
        _next = _pending.Count > 0 ? _pending.Last().Sequence + 1 : await store.LastChangeSequenceAsync(TableId, _log) + 1;
        _loaded = true;
    }

    /// <summary>Sends the queue in order until it is empty or a message fails in a way that may pass; true if it is empty.</summary>
    private async Task<bool> DeliverOrWarnAsync()
    {
        while (_pending.TryPeek(out var record))
        {
            var (operation, body) = Decode(record.Payload);
            try
            {
                await transport.SendAsync(_region, operation, body);
            }
            catch (DynamoException e) when (!MayPass(e.Code))
            {
                LogRefused(logger, operation, _region, e);
            }
            catch (Exception e)
            {
                if (_failures.ShouldLog()) LogNotTaken(logger, operation, _region, _pending.Count, e);
                _retry ??= this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(RetryInterval, RetryInterval) { KeepAlive = true });
                return false;
            }
            _pending.Dequeue();
            await store.TrimChangesAsync(TableId, _log, record.Sequence + 1);
        }
        _failures.Succeeded();
        _retry?.Dispose();
        _retry = null;
        return true;
    }

    private TimeSpan RetryInterval => options.Value.ShipInterval * 20;

    private Task RetryAsync(CancellationToken cancellationToken) => DeliverOrWarnAsync();

    /// <summary>Errors a later attempt may not get: the region is down or busy, or does not accept this region's keys yet.</summary>
    private static bool MayPass(DynamoErrorCode code) => code is DynamoErrorCode.InternalServerError or DynamoErrorCode.LimitExceededException
        or DynamoErrorCode.ProvisionedThroughputExceededException or DynamoErrorCode.ThrottlingException or DynamoErrorCode.ResourceInUseException
        or DynamoErrorCode.MissingAuthenticationTokenException or DynamoErrorCode.IncompleteSignatureException
        or DynamoErrorCode.UnrecognizedClientException or DynamoErrorCode.InvalidSignatureException or DynamoErrorCode.AccessDeniedException;

    private static byte[] Encode(string operation, byte[] body)
    {
        var name = Encoding.UTF8.GetBytes(operation);
        var payload = new byte[1 + name.Length + body.Length];
        payload[0] = checked((byte)name.Length);
        name.CopyTo(payload, 1);
        body.CopyTo(payload, 1 + name.Length);
        return payload;
    }

    private static (string Operation, byte[] Body) Decode(byte[] payload) =>
        (Encoding.UTF8.GetString(payload, 1, payload[0]), payload[(1 + payload[0])..]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Region {Region} refused {Operation}; it is dropped")]
    private static partial void LogRefused(ILogger logger, string operation, string region, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation} was not taken by region {Region} ({Pending} messages waiting); retried until it answers, and logged again in a minute if it still fails")]
    private static partial void LogNotTaken(ILogger logger, string operation, string region, int pending, Exception exception);
}
