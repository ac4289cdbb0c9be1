using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Clients.Core.Telemetry;

/// <summary>
/// The <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> of one provider,
/// both named <c>Clients.{Provider}</c> (<c>Clients.Optimum</c>, <c>Clients.Ovh</c>, <c>Clients.Origami</c>), and the
/// instruments every provider shares. One mechanism for the three providers; one name per provider so that an
/// application enables exactly the providers it wants (<c>.AddSource("Clients.Ovh")</c>, <c>.AddMeter("Clients.Ovh")</c>).
/// </summary>
/// <remarks>
/// Tags never carry a secret: no token, refresh token, client secret, password, consumer key or signature. Client ids
/// and user names are not tagged either (they identify accounts); the provider, grant type, outcome, reason, HTTP method
/// and status, error codes and the token endpoint's host are.
/// </remarks>
public sealed class ClientsTelemetry
{
    /// <summary>Prefix of every source and meter name.</summary>
    public const string NamePrefix = "Clients.";

    private static readonly ConcurrentDictionary<string, ClientsTelemetry> Instances = new(StringComparer.Ordinal);

    private ClientsTelemetry(string provider)
    {
        Provider = provider;
        Name = NamePrefix + provider;
        var version = typeof(ClientsTelemetry).Assembly.GetName().Version?.ToString();
        ActivitySource = new ActivitySource(Name, version);
        Meter = new Meter(Name, version);
        TokenRequests = Meter.CreateCounter<long>("clients.token.requests", "{request}", "Requests sent to the token endpoint, by outcome (success, refused, unavailable) and grant type.");
        TokenRequestDuration = Meter.CreateHistogram<double>("clients.token.request.duration", "s", "Duration of token endpoint requests.");
        TokenRenewals = Meter.CreateCounter<long>("clients.token.renewals", "{renewal}", "Token renewals, by reason (expired, proactive, rejected) and outcome.");
        Rejections = Meter.CreateCounter<long>("clients.auth.rejections", "{response}", "Responses rejecting a request's authentication: 401, OVH signature or timestamp errors, by error type.");
        Retries = Meter.CreateCounter<long>("clients.http.retries", "{retry}", "Retries made by the provider's resilience pipeline, by HTTP method and cause.");
    }

    /// <summary>The provider's name.</summary>
    public string Provider { get; }

    /// <summary>The source and meter name: <c>Clients.{Provider}</c>.</summary>
    public string Name { get; }

    /// <summary>Spans: token acquisition and refresh, OVH time sync and re-sync, renewal after a 401.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>The provider's meter.</summary>
    public Meter Meter { get; }

    /// <summary><c>clients.token.requests</c>: token endpoint requests by <c>clients.outcome</c> and <c>oauth2.grant_type</c>.</summary>
    public Counter<long> TokenRequests { get; }

    /// <summary><c>clients.token.request.duration</c> (seconds).</summary>
    public Histogram<double> TokenRequestDuration { get; }

    /// <summary><c>clients.token.renewals</c>: by <c>clients.renewal.reason</c> and <c>clients.outcome</c>.</summary>
    public Counter<long> TokenRenewals { get; }

    /// <summary><c>clients.ovh.time_syncs</c>: by <c>clients.sync.reason</c>.</summary>
    /// <remarks>OVH-only: Clients.Ovh creates and records this instrument itself. Kept for one release.</remarks>
    [Obsolete("OVH-only telemetry lives in Clients.Ovh, which records clients.ovh.time_syncs on the Clients.Ovh meter itself; this property will be removed in the next release.")]
    public Counter<long> TimeSyncs => Meter.CreateCounter<long>(TimeSyncsInstrument.Name, TimeSyncsInstrument.Unit, TimeSyncsInstrument.Description);

    /// <summary><c>clients.auth.rejections</c>: by <c>error.type</c> (<c>401</c>, <c>INVALID_SIGNATURE</c>, <c>QUERY_TIME_OUT</c>...).</summary>
    public Counter<long> Rejections { get; }

    /// <summary><c>clients.http.retries</c>: by <c>http.request.method</c> and <c>error.type</c>.</summary>
    public Counter<long> Retries { get; }

    /// <summary>The source and meter names of the three built-in providers, for <c>.AddSource(...)</c> / <c>.AddMeter(...)</c>.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["Clients.Optimum", "Clients.Ovh", "Clients.Origami"];

    /// <summary>The telemetry of <paramref name="provider"/> (one instance per provider and process).</summary>
    /// <param name="provider">The provider's name, for example <c>Optimum</c>.</param>
    /// <returns>The instance.</returns>
    public static ClientsTelemetry For(string provider)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        return Instances.GetOrAdd(provider, static p => new ClientsTelemetry(p));
    }
}

/// <summary>The one description of <c>clients.ovh.time_syncs</c>, shared by Clients.Ovh and the obsolete <see cref="ClientsTelemetry.TimeSyncs"/>.</summary>
internal static class TimeSyncsInstrument
{
    public const string Name = "clients.ovh.time_syncs";
    public const string Unit = "{sync}";
    public const string Description = "OVH server time synchronisations (GET /auth/time), by reason (initial, rejected).";
}
