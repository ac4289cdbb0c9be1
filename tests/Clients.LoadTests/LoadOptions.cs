using System.Globalization;

namespace Clients.LoadTests;

/// <summary>
/// Command line: <c>--calls N --concurrency C --resets R --e503 R --e429 R --drops R --stalls R --html R --truncated R
/// --stall-seconds S --attempt-timeout S --seed N --outage-seconds S --token-lifetime S [--stock] [--no-resilience] [--no-telemetry]</c>.
/// Rates are fractions of the API requests (attempts), injected by the sandbox's fault injector below the pipeline.
/// </summary>
internal sealed class LoadOptions
{
    public string Mode { get; private init; } = "load";

    public int Calls { get; private init; } = 100_000;

    public int Concurrency { get; private init; } = 256;

    public double ResetRate { get; private init; } = 0.02;

    public double UnavailableRate { get; private init; } = 0.05;

    public double TooManyRate { get; private init; } = 0.01;

    /// <summary>Successful answers cut halfway through their body (connection reset).</summary>
    public double MidBodyDropRate { get; private init; }

    /// <summary>Successful answers whose body stalls for <see cref="StallSeconds"/>.</summary>
    public double StallRate { get; private init; }

    /// <summary>200 answers carrying an HTML page instead of JSON.</summary>
    public double HtmlRate { get; private init; }

    /// <summary>Chunked bodies ended early.</summary>
    public double TruncatedRate { get; private init; }

    /// <summary>How long a stalled body stops (longer than <see cref="AttemptTimeoutSeconds"/>).</summary>
    public double StallSeconds { get; private init; } = 8;

    /// <summary>The pipeline's attempt timeout, or null for the providers' defaults.</summary>
    public double? AttemptTimeoutSeconds { get; private init; }

    /// <summary>The fault injector's seed.</summary>
    public int Seed { get; private init; } = 20;

    /// <summary>How long both token endpoints are down, starting at 10 % of the calls.</summary>
    public double OutageSeconds { get; private init; } = 10;

    /// <summary>The <c>expires_in</c> of Optimum and Origami tokens: short, so that renewals fall inside the outage.</summary>
    public int TokenLifetimeSeconds { get; private init; } = 30;

    public bool Stock { get; private init; }

    public bool NoResilience { get; private init; }

    public bool Telemetry { get; private init; } = true;

    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double Double(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new LoadOptions();
        return new LoadOptions
        {
            Mode = args.Length > 0 && args[0] == "emulators" ? "emulators" : "load",
            Calls = Int("--calls", defaults.Calls),
            Concurrency = Int("--concurrency", defaults.Concurrency),
            ResetRate = Double("--resets", defaults.ResetRate),
            UnavailableRate = Double("--e503", defaults.UnavailableRate),
            TooManyRate = Double("--e429", defaults.TooManyRate),
            MidBodyDropRate = Double("--drops", defaults.MidBodyDropRate),
            StallRate = Double("--stalls", defaults.StallRate),
            HtmlRate = Double("--html", defaults.HtmlRate),
            TruncatedRate = Double("--truncated", defaults.TruncatedRate),
            StallSeconds = Double("--stall-seconds", defaults.StallSeconds),
            AttemptTimeoutSeconds = Value("--attempt-timeout") is { } t ? double.Parse(t, CultureInfo.InvariantCulture) : null,
            Seed = Int("--seed", defaults.Seed),
            OutageSeconds = Double("--outage-seconds", defaults.OutageSeconds),
            TokenLifetimeSeconds = Int("--token-lifetime", defaults.TokenLifetimeSeconds),
            Stock = args.Contains("--stock"),
            NoResilience = args.Contains("--no-resilience"),
            Telemetry = !args.Contains("--no-telemetry"),
        };
    }
}
