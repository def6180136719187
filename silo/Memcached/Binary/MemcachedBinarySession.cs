using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using DataTier.Cache;

namespace DataTier.Silo.Memcached.Binary;

/// <summary>
/// One memcached binary-protocol connection (a first byte of 0x80 chooses it, as memcached does): reads 24-byte request
/// headers and their bodies, runs each command on the cache shards through the router, and writes binary responses
/// echoing the request's opaque. The quiet commands answer only errors (GetQ and its kind only hits), so a client sends a
/// run of them and a NOOP to learn they are done. Requests pipelined in one read are answered with one flush. A body
/// larger than any item could be is not held: its command is refused and its bytes skipped as they come.
/// </summary>
public sealed partial class MemcachedBinarySession(PipeReader input, PipeWriter output, CacheRouter router, MemcachedStats stats,
    TimeProvider time, MemcachedEndpointOptions options)
{
    private const int MaxKeyLength = 250;
    private const byte ResponseMagic = 0x81;

    private bool _quit;
    private long _skipping;

    private long MaxBody => options.MaxValueBytes + MaxKeyLength + 20L;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var requests = new List<BinaryRequest>();
        while (!_quit)
        {
            var read = await input.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            requests.Clear();
            var malformed = false;
            while (!malformed && TryTake(ref buffer, requests, out malformed))
            {
            }
            stats.Transferred(read.Buffer.Length - buffer.Length, 0);
            input.AdvanceTo(buffer.Start, buffer.End);
            foreach (var request in requests)
            {
                if (_quit) break;
                await DispatchAsync(request);
            }
            if (requests.Count > 0) await MemcachedServerCommands.FlushAsync(output, stats, cancellationToken);
            // memcached closes a connection whose request does not start with the request magic.
            if (malformed || read.IsCompleted) break;
        }
    }

    /// <summary>Takes the next whole request off the buffer (or skips a refused body's bytes); false when more bytes are needed or the stream is malformed.</summary>
    private bool TryTake(ref ReadOnlySequence<byte> buffer, List<BinaryRequest> requests, out bool malformed)
    {
        malformed = false;
        if (_skipping > 0)
        {
            var skipped = Math.Min(_skipping, buffer.Length);
            buffer = buffer.Slice(skipped);
            _skipping -= skipped;
            if (_skipping > 0) return false;
        }
        if (buffer.Length < BinaryRequest.HeaderLength) return false;
        Span<byte> header = stackalloc byte[BinaryRequest.HeaderLength];
        buffer.Slice(0, BinaryRequest.HeaderLength).CopyTo(header);
        if (BinaryRequest.ParseHeader(header) is not { } request)
        {
            malformed = true;
            return false;
        }
        if (request.ValueLength < 0)
        {
            request.Refused = BinaryStatus.InvalidArguments;
            requests.Add(request);
            buffer = buffer.Slice(BinaryRequest.HeaderLength);
            return true;
        }
        // A body too large to hold is refused once its extras and key are here (a refused SET deletes the key), the rest skipped.
        var tooLarge = request.BodyLength > MaxBody;
        var held = tooLarge ? request.ExtrasLength + request.KeyLength : request.BodyLength;
        if (buffer.Length < BinaryRequest.HeaderLength + held) return false;
        var body = buffer.Slice(BinaryRequest.HeaderLength, held);
        request.Extras = body.Slice(0, request.ExtrasLength).ToArray();
        request.Key = body.Slice(request.ExtrasLength, request.KeyLength).ToArray();
        if (tooLarge)
        {
            request.Refused = IsStorage((BinaryOpcode)request.Opcode) ? BinaryStatus.TooLarge : BinaryStatus.InvalidArguments;
            _skipping = request.BodyLength - held;
        }
        else request.Value = body.Slice(request.ExtrasLength + request.KeyLength).ToArray();
        buffer = buffer.Slice(BinaryRequest.HeaderLength + held);
        requests.Add(request);
        return true;
    }

    private async Task DispatchAsync(BinaryRequest r)
    {
        if (r.Refused is { } refused)
        {
            if (refused == BinaryStatus.TooLarge) await RefuseTooLargeAsync(r, (BinaryOpcode)r.Opcode);
            else Error(r, refused);
            _quit |= refused == BinaryStatus.InvalidArguments;
            return;
        }
        var op = (BinaryOpcode)r.Opcode;
        if (!Enum.IsDefined(op))
        {
            Error(r, BinaryStatus.UnknownCommand);
            return;
        }
        if (!HasValidShape(r, op))
        {
            // As memcached, which closes a connection after answering a malformed request.
            Error(r, BinaryStatus.InvalidArguments);
            _quit = true;
            return;
        }
        switch (op)
        {
            case BinaryOpcode.Get or BinaryOpcode.GetQ or BinaryOpcode.GetK or BinaryOpcode.GetKQ
                or BinaryOpcode.Gat or BinaryOpcode.GatQ or BinaryOpcode.GatK or BinaryOpcode.GatKQ or BinaryOpcode.Touch:
                await RetrieveAsync(r, op);
                break;
            case BinaryOpcode.Set or BinaryOpcode.SetQ or BinaryOpcode.Add or BinaryOpcode.AddQ or BinaryOpcode.Replace or BinaryOpcode.ReplaceQ
                or BinaryOpcode.Append or BinaryOpcode.AppendQ or BinaryOpcode.Prepend or BinaryOpcode.PrependQ:
                await StoreAsync(r, op);
                break;
            case BinaryOpcode.Delete or BinaryOpcode.DeleteQ:
                await DeleteAsync(r, op);
                break;
            case BinaryOpcode.Increment or BinaryOpcode.IncrementQ or BinaryOpcode.Decrement or BinaryOpcode.DecrementQ:
                await ArithmeticAsync(r, op);
                break;
            case BinaryOpcode.Flush or BinaryOpcode.FlushQ:
                Interlocked.Increment(ref stats.CmdFlush);
                await MemcachedServerCommands.FlushAllAsync(router, r.ExtrasLength == 4 ? r.ExtrasUInt32(0) : 0);
                Succeeded(r, op);
                break;
            case BinaryOpcode.Stat:
                await StatAsync(r);
                break;
            case BinaryOpcode.Version:
                Respond(r, BinaryStatus.Success, value: System.Text.Encoding.ASCII.GetBytes(MemcachedServerCommands.Version));
                break;
            case BinaryOpcode.Quit or BinaryOpcode.QuitQ:
                Succeeded(r, op);
                _quit = true;
                break;
            default:
                Succeeded(r, op);
                break;
        }
    }

    /// <summary>The lengths of extras, key and value each command takes, as memcached checks them.</summary>
    private static bool HasValidShape(BinaryRequest r, BinaryOpcode op)
    {
        if (r.KeyLength > MaxKeyLength) return false;
        var key = r.KeyLength > 0;
        return op switch
        {
            BinaryOpcode.Noop or BinaryOpcode.Version or BinaryOpcode.Quit or BinaryOpcode.QuitQ => r.BodyLength == 0,
            BinaryOpcode.Flush or BinaryOpcode.FlushQ => r.ExtrasLength is 0 or 4 && !key && r.ValueLength == 0,
            BinaryOpcode.Get or BinaryOpcode.GetQ or BinaryOpcode.GetK or BinaryOpcode.GetKQ
                or BinaryOpcode.Delete or BinaryOpcode.DeleteQ => r.ExtrasLength == 0 && key && r.ValueLength == 0,
            BinaryOpcode.Set or BinaryOpcode.SetQ or BinaryOpcode.Add or BinaryOpcode.AddQ
                or BinaryOpcode.Replace or BinaryOpcode.ReplaceQ => r.ExtrasLength == 8 && key,
            BinaryOpcode.Append or BinaryOpcode.AppendQ or BinaryOpcode.Prepend or BinaryOpcode.PrependQ => r.ExtrasLength == 0 && key,
            BinaryOpcode.Increment or BinaryOpcode.IncrementQ or BinaryOpcode.Decrement or BinaryOpcode.DecrementQ =>
                r.ExtrasLength == 20 && key && r.ValueLength == 0,
            BinaryOpcode.Stat => r.ExtrasLength == 0 && r.ValueLength == 0,
            _ => r.ExtrasLength == 4 && key && r.ValueLength == 0,
        };
    }

    private static bool IsStorage(BinaryOpcode op) => op is BinaryOpcode.Set or BinaryOpcode.SetQ or BinaryOpcode.Add or BinaryOpcode.AddQ
        or BinaryOpcode.Replace or BinaryOpcode.ReplaceQ or BinaryOpcode.Append or BinaryOpcode.AppendQ or BinaryOpcode.Prepend or BinaryOpcode.PrependQ;

    private static bool IsQuiet(BinaryOpcode op) => op is BinaryOpcode.GetQ or BinaryOpcode.GetKQ or BinaryOpcode.SetQ or BinaryOpcode.AddQ
        or BinaryOpcode.ReplaceQ or BinaryOpcode.DeleteQ or BinaryOpcode.IncrementQ or BinaryOpcode.DecrementQ or BinaryOpcode.QuitQ
        or BinaryOpcode.FlushQ or BinaryOpcode.AppendQ or BinaryOpcode.PrependQ or BinaryOpcode.GatQ or BinaryOpcode.GatKQ;

    /// <summary>An empty success, left out for a quiet command.</summary>
    private void Succeeded(BinaryRequest r, BinaryOpcode op, ulong cas = 0)
    {
        if (!IsQuiet(op)) Respond(r, BinaryStatus.Success, cas);
    }

    private void Error(BinaryRequest r, BinaryStatus status) => Respond(r, status, value: BinaryStatusText.Of(status));

    private void Respond(BinaryRequest r, BinaryStatus status, ulong cas = 0, ReadOnlySpan<byte> extras = default,
        ReadOnlySpan<byte> key = default, ReadOnlySpan<byte> value = default)
    {
        var header = output.GetSpan(BinaryRequest.HeaderLength)[..BinaryRequest.HeaderLength];
        header[0] = ResponseMagic;
        header[1] = r.Opcode;
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)key.Length);
        header[4] = (byte)extras.Length;
        header[5] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], (ushort)status);
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], (uint)(extras.Length + key.Length + value.Length));
        BinaryPrimitives.WriteUInt32BigEndian(header[12..], r.Opaque);
        BinaryPrimitives.WriteUInt64BigEndian(header[16..], cas);
        output.Advance(BinaryRequest.HeaderLength);
        output.Write(extras);
        output.Write(key);
        output.Write(value);
    }
}
