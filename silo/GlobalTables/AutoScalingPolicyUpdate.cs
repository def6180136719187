namespace DataTier.Silo.GlobalTables;

/// <summary>AutoScalingPolicyUpdate: the target-tracking policy to put on a dimension (the name defaults to DynamoDB's).</summary>
public sealed record AutoScalingPolicyUpdate(string? PolicyName, double TargetValue, bool? DisableScaleIn, int? ScaleInCooldown, int? ScaleOutCooldown);
