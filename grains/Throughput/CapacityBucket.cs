namespace DataTier.Throughput;

/// <summary>
/// A token bucket of capacity units, refilled at the provisioned rate up to a burst of several seconds of it.
/// A request is admitted while the bucket holds anything and is charged its units once they are known, so a
/// large read may take the bucket below zero, and the requests after it wait for the debt to be refilled, as
/// DynamoDB lets a request finish and throttles the ones after it.
/// </summary>
public sealed class CapacityBucket(TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _rate;
    private double _burst;
    private double _tokens;
    private double _charged;
    private long _stamp = time.GetTimestamp();

    /// <summary>Sets the rate and the burst; burst credit the bucket gains (a larger share, more units) is given at once.</summary>
    public void Configure(double unitsPerSecond, double burstSeconds)
    {
        lock (_gate)
        {
            Refill();
            var burst = unitsPerSecond * burstSeconds;
            _tokens = Math.Min(burst, _tokens + Math.Max(0, burst - _burst));
            (_rate, _burst) = (unitsPerSecond, burst);
        }
    }

    /// <summary>Whether a request may start now.</summary>
    public bool TryAdmit()
    {
        lock (_gate)
        {
            Refill();
            return _tokens > 0;
        }
    }

    /// <summary>Takes the units a request consumed; the debt is bounded by one burst.</summary>
    public void Charge(double units)
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Max(-_burst, _tokens - units);
            _charged += units;
        }
    }

    /// <summary>The units charged since the last call (what auto scaling measures).</summary>
    public double TakeCharged()
    {
        lock (_gate)
        {
            var charged = _charged;
            _charged = 0;
            return charged;
        }
    }

    /// <summary>The units the bucket holds now (below zero while in debt).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        var seconds = time.GetElapsedTime(_stamp, now).TotalSeconds;
        _stamp = now;
        if (seconds > 0) _tokens = Math.Min(_burst, _tokens + seconds * _rate);
    }
}
