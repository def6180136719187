namespace DataTier.GlobalTables;

/// <summary>Whether a failure that repeats until a peer answers (shipping, owed messages) is to be logged: once a minute while it lasts.</summary>
internal sealed class RepeatedFailureLog
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private DateTime? _loggedAt;

    /// <summary>True for the first failure, and again when the last one logged is a minute old.</summary>
    public bool ShouldLog()
    {
        var now = DateTime.UtcNow;
        if (_loggedAt is { } last && now - last < Every) return false;
        _loggedAt = now;
        return true;
    }

    /// <summary>The peer answered: its next failure is logged at once.</summary>
    public void Succeeded() => _loggedAt = null;
}
