using System.Text;
using DataTier.Model;
using DataTier.Store;

namespace DataTier.Transactions;

/// <summary>
/// The durable record of transaction outcomes and client request tokens, kept in the table store
/// under a reserved table id. An outcome is written once, conditionally (expected version 0), so
/// the coordinator's commit and a partition's abort of an abandoned transaction cannot both win.
/// </summary>
public static class TransactionLedger
{
    /// <summary>The reserved table id of the ledger (user tables get random ids).</summary>
    public static readonly Guid TableId = new("7478ed6e-0000-4000-8000-6c6564676572");

    private static readonly byte[] LockMask = new Guid("6c6f636b-0000-4000-8000-7370616365ff").ToByteArray();

    /// <summary>The reserved table id under which the locks of a table's prepared transactions live.</summary>
    public static Guid LockTableOf(Guid tableId)
    {
        var bytes = tableId.ToByteArray();
        for (var i = 0; i < bytes.Length; i++) bytes[i] ^= LockMask[i];
        return new Guid(bytes);
    }

    public static async ValueTask<TransactionStatus> ReadStatusAsync(ITableStore store, Guid transactionId)
    {
        var record = await store.GetAsync(TableId, OutcomeKey(transactionId));
        return record is null ? TransactionStatus.Pending : StatusOf(record.Attributes);
    }

    /// <summary>
    /// Records <paramref name="status"/> unless an outcome is already there; returns the outcome that
    /// stands. <paramref name="alsoWrite"/> joins the same atomic batch (the client request token).
    /// </summary>
    public static async ValueTask<TransactionStatus> DecideAsync(ITableStore store, Guid transactionId, TransactionStatus status, long nowMs, ItemWrite? alsoWrite = null)
    {
        var record = new Dictionary<string, AttrValue>(StringComparer.Ordinal)
        {
            ["s"] = AttrValue.FromS(status == TransactionStatus.Committed ? "C" : "A"),
            ["at"] = AttrValue.FromN(nowMs),
        };
        var write = new ItemWrite(OutcomeKey(transactionId), 0, 1, record);
        try
        {
            await store.WriteAsync(TableId, alsoWrite is null ? [write] : [write, alsoWrite]);
            return status;
        }
        catch (VersionConflictException)
        {
            var standing = await ReadStatusAsync(store, transactionId);
            // The outcome was free, so the other write of the batch conflicted (a concurrent repeat of the token).
            return standing == TransactionStatus.Pending ? throw new TokenConflictException() : standing;
        }
    }

    public static async ValueTask<TokenRecord?> ReadTokenAsync(ITableStore store, string token)
    {
        var stored = await store.GetAsync(TableId, TokenKey(token));
        return stored is null ? null : new TokenRecord(stored.Version, stored.Attributes["h"].Text!, long.Parse(stored.Attributes["at"].Text!));
    }

    /// <summary>The write that records a committed token, replacing <paramref name="previous"/> (an expired one) if any.</summary>
    public static ItemWrite TokenWrite(string token, string requestHash, long nowMs, TokenRecord? previous) => new(
        TokenKey(token),
        previous?.Version ?? 0,
        (previous?.Version ?? 0) + 1,
        new Dictionary<string, AttrValue>(StringComparer.Ordinal)
        {
            ["h"] = AttrValue.FromS(requestHash),
            ["at"] = AttrValue.FromN(nowMs),
        });

    /// <summary>
    /// Removes tokens recorded before <paramref name="tokensBeforeMs"/> and abort outcomes recorded before
    /// <paramref name="abortsBeforeMs"/>. Commit outcomes stay until <see cref="ForgetAsync"/>: a partition
    /// that finds a lock with no outcome aborts it, so a commit outcome must outlive every lock of its transaction.
    /// </summary>
    public static async ValueTask<int> TrimAsync(ITableStore store, long tokensBeforeMs, long abortsBeforeMs)
    {
        var removed = 0;
        await foreach (var batch in store.PagesAsync(TableId, KeyRange.All, 512))
        {
            foreach (var record in batch)
            {
                var at = long.Parse(record.Attributes["at"].Text!);
                var expired = record.Position[0] == (byte)'k'
                    ? at < tokensBeforeMs
                    : StatusOf(record.Attributes) == TransactionStatus.Aborted && at < abortsBeforeMs;
                if (!expired) continue;
                try
                {
                    await store.WriteAsync(TableId, [new ItemWrite(record.Position, record.Version, 0, null)]);
                    removed++;
                }
                catch (VersionConflictException)
                {
                    // Rewritten meanwhile (a token reused): it is no longer expired.
                }
            }
        }
        return removed;
    }

    /// <summary>Removes a commit outcome once every participant has applied the transaction.</summary>
    public static async ValueTask ForgetAsync(ITableStore store, Guid transactionId)
    {
        try
        {
            await store.WriteAsync(TableId, [new ItemWrite(OutcomeKey(transactionId), 1, 0, null)]);
        }
        catch (VersionConflictException)
        {
        }
    }

    private static TransactionStatus StatusOf(IReadOnlyDictionary<string, AttrValue> record) =>
        record["s"].Text == "C" ? TransactionStatus.Committed : TransactionStatus.Aborted;

    private static byte[] OutcomeKey(Guid transactionId) => [(byte)'t', .. transactionId.ToByteArray()];

    private static byte[] TokenKey(string token) => [(byte)'k', .. Encoding.UTF8.GetBytes(token)];
}
