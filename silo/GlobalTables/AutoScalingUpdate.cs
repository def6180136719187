namespace DataTier.Silo.GlobalTables;

/// <summary>
/// AutoScalingSettingsUpdate of UpdateGlobalTableSettings: the bounds of a dimension's scalable target and its policy, or
/// (<paramref name="AutoScalingDisabled"/>) no auto scaling of it. Applied with the project's auto scaling, as
/// RegisterScalableTarget and PutScalingPolicy would.
/// </summary>
public sealed record AutoScalingUpdate(long? MinimumUnits, long? MaximumUnits, bool? AutoScalingDisabled, AutoScalingPolicyUpdate? Policy);
