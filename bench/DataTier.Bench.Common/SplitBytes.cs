using System.Buffers;

namespace DataTier.Bench.Common;

/// <summary>Bytes as a reader of a socket would see them arrive in two reads: a sequence of two segments.</summary>
public static class SplitBytes
{
    /// <summary><paramref name="bytes"/> in two segments, the second starting at <paramref name="at"/> (one segment at either end).</summary>
    public static ReadOnlySequence<byte> At(byte[] bytes, int at)
    {
        if (at <= 0 || at >= bytes.Length) return new ReadOnlySequence<byte>(bytes);
        var first = new Segment(bytes.AsMemory(0, at), 0);
        var second = first.Append(bytes.AsMemory(at));
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
