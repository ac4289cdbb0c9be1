using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Clients.Generator.Tests.Hygiene;

/// <summary>Captures every log entry at every level, as a structured logger receives it: message, state values, exception.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Entries.Enqueue(category + " scope " + SecretWalker.Serialize(state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = $"{category} {logLevel} {formatter(state, exception)} {(state is null ? string.Empty : SecretWalker.Serialize(state))}";
            owner.Entries.Enqueue(exception is null ? entry : entry + " " + exception + " " + SecretWalker.Serialize(exception));
        }
    }
}
