namespace DataTier.Hosting;

public static class GrainDirectorySiloBuilderExtensions
{
    /// <summary>
    /// Registers grains in Orleans' distributed grain directory, the one Orleans' test clusters use.
    /// The default directory deactivates every activation whose registration lived on a crashed silo,
    /// which empties cache shards on the surviving silos (their keys live only in memory); the
    /// distributed directory rebuilds those registrations from the live silos, and holds a crashed
    /// silo's grains for <c>GrainDirectoryOptions.RangeLeaseDuration</c> so that a silo wrongly
    /// declared dead cannot leave a grain with two activations.
    /// </summary>
    public static ISiloBuilder AddDataTierGrainDirectory(this ISiloBuilder builder)
    {
#pragma warning disable ORLEANSEXP003
        return builder.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
    }
}
