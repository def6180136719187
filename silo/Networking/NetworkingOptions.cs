namespace DataTier.Silo.Networking;

/// <summary>How the silo's sockets are served (section <c>Networking</c>).</summary>
public sealed class NetworkingOptions
{
    /// <summary>Run socket completions on the socket engine's thread instead of the thread pool (see <see cref="SocketCompletions"/>).</summary>
    public bool InlineSocketCompletions { get; set; } = true;
}
