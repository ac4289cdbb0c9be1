using System.Globalization;

namespace Clients.LoadTests;

/// <summary>Command line: <c>--calls N --concurrency C --resets R --e503 R --e429 R --outage-seconds S --token-lifetime S [--stock] [--no-resilience] [--no-telemetry]</c>.</summary>
internal sealed class LoadOptions
{
    public string Mode { get; private init; } = "load";

    public int Calls { get; private init; } = 100_000;

    public int Concurrency { get; private init; } = 256;

    public double ResetRate { get; private init; } = 0.02;

    public double UnavailableRate { get; private init; } = 0.05;

    public double TooManyRate { get; private init; } = 0.01;

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
            OutageSeconds = Double("--outage-seconds", defaults.OutageSeconds),
            TokenLifetimeSeconds = Int("--token-lifetime", defaults.TokenLifetimeSeconds),
            Stock = args.Contains("--stock"),
            NoResilience = args.Contains("--no-resilience"),
            Telemetry = !args.Contains("--no-telemetry"),
        };
    }
}
