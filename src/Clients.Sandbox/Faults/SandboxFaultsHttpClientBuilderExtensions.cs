using Microsoft.Extensions.DependencyInjection;

namespace Clients.Sandbox;

/// <summary>Adds the sandbox's fault injector to an <see cref="IHttpClientBuilder"/>, to test a client's resilience.</summary>
public static class SandboxFaultsHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds a handler that injects, at the rates set by <paramref name="configure"/>, the faults a network or a proxy
    /// produces: resets before sending, 503 and 429 with <c>Retry-After</c>, bodies dropped or stalled halfway, a
    /// <c>200</c> carrying an HTML page, a truncated chunked body. Seeded for reproducible runs; counted in
    /// <see cref="SandboxFaultOptions.Counters"/>. Handlers run in the order they are added: add it after the resilience
    /// handler (with the Clients packages, <c>.AddResilience().ConfigureHttpClients(b =&gt; b.AddSandboxFaults(...))</c>)
    /// so that the pipeline sees the faults as it would see the network's. Meant for tests, never for production.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="configure">Sets the rates (all 0 by default), the seed, the counters.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A rate or duration is out of range.</exception>
    public static IHttpClientBuilder AddSandboxFaults(this IHttpClientBuilder builder, Action<SandboxFaultOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SandboxFaultOptions();
        configure(options);
        return builder.AddSandboxFaults(options);
    }

    /// <summary>
    /// Adds the fault injector with <paramref name="options"/>, which may be shared by several clients (one switch and one
    /// set of rates for all of them, read on every request; each client draws its own seeded sequence).
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="options">The rates, seed and counters.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">A rate or duration is out of range.</exception>
    public static IHttpClientBuilder AddSandboxFaults(this IHttpClientBuilder builder, SandboxFaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var dice = new SandboxFaultDice(options);
        return builder.AddHttpMessageHandler(() => new SandboxFaultHandler(options, dice));
    }
}
