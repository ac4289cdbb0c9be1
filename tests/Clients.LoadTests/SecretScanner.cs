using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Clients.LoadTests;

/// <summary>
/// Captures every log message at Trace level (and every span tag) and scans it on the fly for secrets: the configured
/// client secrets, password, application secret and consumer key, and anything shaped like an emulator token
/// (<c>opt_…</c>, <c>ori_…</c>, <c>orr_…</c>) or an OVH signature (<c>$1$</c> + 40 hex). Keeps counts, not the text.
/// </summary>
internal sealed partial class SecretScanner : ILoggerProvider
{
    private readonly string[] _secrets;
    private long _messages;
    private long _hits;
    private long _tags;

    public SecretScanner(IEnumerable<string> secrets) => _secrets = secrets.Where(s => s.Length >= 6).ToArray();

    public long Messages => Interlocked.Read(ref _messages);

    public long Tags => Interlocked.Read(ref _tags);

    public long Hits => Interlocked.Read(ref _hits);

    public ConcurrentQueue<string> Where { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public ActivityListener Listen(IEnumerable<string> sources)
    {
        var names = sources.ToHashSet(StringComparer.Ordinal);
        var listener = new ActivityListener
        {
            ShouldListenTo = s => names.Contains(s.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                foreach (var tag in a.TagObjects)
                {
                    Interlocked.Increment(ref _tags);
                    Scan("span " + a.OperationName + " tag " + tag.Key, tag.Value?.ToString());
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private void Scan(string where, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var hit = TokenShape().IsMatch(text);
        foreach (var secret in _secrets)
        {
            hit |= text.Contains(secret, StringComparison.Ordinal);
        }

        if (hit && Interlocked.Increment(ref _hits) <= 5)
        {
            Where.Enqueue(where); // the location only: never the secret itself
        }
    }

    [GeneratedRegex(@"(opt_|ori_|orr_)[A-Za-z0-9_\-]{8,}|\$1\$[0-9a-f]{40}")]
    private static partial Regex TokenShape();

    private sealed class Logger(SecretScanner scanner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Interlocked.Increment(ref scanner._messages);
            scanner.Scan("log " + category + " " + eventId.Id, formatter(state, exception));
            if (exception is not null)
            {
                scanner.Scan("log exception " + category + " " + eventId.Id, exception.ToString());
            }

            if (state is IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                foreach (var property in properties)
                {
                    scanner.Scan("log property " + category + " " + property.Key, property.Value?.ToString());
                }
            }
        }
    }
}
