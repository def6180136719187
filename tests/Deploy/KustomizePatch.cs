namespace DataTier.Tests.Deploy;

/// <summary>One entry of a kustomization's <c>patches</c>: the patch file and, when given, its target.</summary>
public sealed record KustomizePatch(string Path, string? Kind, string? Name);
