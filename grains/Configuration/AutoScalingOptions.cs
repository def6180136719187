namespace DataTier.Configuration;

/// <summary>Settings of auto scaling of provisioned throughput (section <c>AutoScaling</c>).</summary>
public sealed class AutoScalingOptions
{
    /// <summary>How often each silo reports the units its tables consumed, and how often policies are evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The span the consumed rate is averaged over (CloudWatch's alarms of DynamoDB's policies look at a few minutes).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(2);

    public void Validate()
    {
        if (EvaluationInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(EvaluationInterval), "must be positive");
        if (Window < EvaluationInterval) throw new ArgumentOutOfRangeException(nameof(Window), "must be at least EvaluationInterval");
    }
}
