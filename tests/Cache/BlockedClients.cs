namespace DataTier.Tests.Cache;

/// <summary>
/// Clients a test blocks one after another on one server, each call returned once its client shows as blocked in
/// CLIENT LIST (asked through <paramref name="admin"/>), so they block in a known order; all disconnected together.
/// </summary>
public sealed class BlockedClients(int port, RespTestClient admin) : IAsyncDisposable
{
    private readonly List<RespTestClient> _clients = [];

    /// <summary>Sends the blocking command on a new connection and waits until the server holds it blocked; its reply to come.</summary>
    public async Task<Task<string>> BlockAsync(params string[] command)
    {
        var client = await RespTestClient.ConnectAsync(port);
        _clients.Add(client);
        var id = (await client.CallAsync("CLIENT", "ID")).TrimStart(':');
        var reply = client.CallAsync(command);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!(await admin.CallAsync("CLIENT", "LIST", "ID", id)).Contains("flags=b"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"client {id} did not block on {string.Join(' ', command)}");
            await Task.Delay(20);
        }
        return reply;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) await client.DisposeAsync();
    }
}
