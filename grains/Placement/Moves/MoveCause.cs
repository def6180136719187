namespace DataTier.Placement.Moves;

/// <summary>Why a grain moved.</summary>
public enum MoveCause
{
    /// <summary>The ring gives it to another silo after a membership change.</summary>
    Rebalance,

    /// <summary>Its silo is shutting down gracefully and hands it to its owner without this silo.</summary>
    HandOff,
}
