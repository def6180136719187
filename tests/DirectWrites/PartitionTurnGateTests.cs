using DataTier.Partitions;
using Xunit;

namespace DataTier.Tests.DirectWrites;

/// <summary>The gate between a partition's grain turns (alone) and its direct writes (together).</summary>
public sealed class PartitionTurnGateTests
{
    [Fact]
    public void Direct_writes_hold_the_gate_together()
    {
        var gate = new PartitionTurnGate();
        Assert.True(gate.EnterSharedAsync().IsCompleted);
        Assert.True(gate.EnterSharedAsync().IsCompleted);
        gate.ExitShared();
        gate.ExitShared();
        Assert.True(gate.EnterExclusiveAsync().IsCompleted);
    }

    [Fact]
    public async Task A_turn_waits_for_the_direct_writes_under_way_and_keeps_new_ones_out()
    {
        var gate = new PartitionTurnGate();
        Assert.True(gate.EnterSharedAsync().IsCompleted);
        var turn = gate.EnterExclusiveAsync();
        Assert.False(turn.IsCompleted);
        var late = gate.EnterSharedAsync();
        Assert.False(late.IsCompleted);

        gate.ExitShared();
        await turn.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(late.IsCompleted);
        gate.ExitExclusive();
        await late.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task When_a_turn_ends_the_waiting_direct_writes_go_before_the_next_turn()
    {
        var gate = new PartitionTurnGate();
        Assert.True(gate.EnterExclusiveAsync().IsCompleted);
        var first = gate.EnterSharedAsync();
        var second = gate.EnterSharedAsync();
        var nextTurn = gate.EnterExclusiveAsync();
        Assert.False(first.IsCompleted || second.IsCompleted || nextTurn.IsCompleted);

        gate.ExitExclusive();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(nextTurn.IsCompleted);
        gate.ExitShared();
        Assert.False(nextTurn.IsCompleted);
        gate.ExitShared();
        await nextTurn.WaitAsync(TimeSpan.FromSeconds(5));

        // With nothing waiting, the gate is free again once the turn ends.
        gate.ExitExclusive();
        Assert.True(gate.EnterExclusiveAsync().IsCompleted);
    }

    [Fact]
    public async Task Under_contention_no_direct_write_ever_overlaps_a_turn()
    {
        var gate = new PartitionTurnGate();
        var inTurn = 0;
        var inShared = 0;
        var violations = 0;
        async Task Turns()
        {
            for (var i = 0; i < 300; i++)
            {
                await gate.EnterExclusiveAsync();
                if (Interlocked.Increment(ref inTurn) != 1 || Volatile.Read(ref inShared) != 0) Interlocked.Increment(ref violations);
                await Task.Yield();
                Interlocked.Decrement(ref inTurn);
                gate.ExitExclusive();
            }
        }
        async Task Writes()
        {
            for (var i = 0; i < 300; i++)
            {
                await gate.EnterSharedAsync();
                Interlocked.Increment(ref inShared);
                if (Volatile.Read(ref inTurn) != 0) Interlocked.Increment(ref violations);
                await Task.Yield();
                Interlocked.Decrement(ref inShared);
                gate.ExitShared();
            }
        }
        await Task.WhenAll([Task.Run(Turns), .. Enumerable.Range(0, 4).Select(_ => Task.Run(Writes))]);
        Assert.Equal(0, violations);
    }
}
