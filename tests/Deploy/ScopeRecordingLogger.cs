using Microsoft.Extensions.Logging;

namespace DataTier.Tests.Deploy;

/// <summary>A logger that writes nothing and keeps its scopes, so a test can see which scopes are open.</summary>
public sealed class ScopeRecordingLogger<T> : ILogger<T>
{
    public LoggerExternalScopeProvider Scopes { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Scopes.Push(state);

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
    }

    /// <summary>The open scopes, outermost first, as text.</summary>
    public List<string> OpenScopes()
    {
        var open = new List<string>();
        Scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), open);
        return open;
    }
}
