using Clients.Core;
using Clients.Core.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Optimum;

/// <summary>The Optimum registration hook: what the generated <c>AddOptimumClients</c> methods register.</summary>
public static class OptimumClientRegistration
{
    /// <summary>
    /// Optimum: client-credentials bearer tokens (the scope, if set, requested), Optimum's errors as
    /// <see cref="OptimumApiException"/>, and resilience that waits out Optimum's rate limit.
    /// </summary>
    public static ClientProviderRegistration<OptimumOptions> Registration { get; } = OAuth2ProviderRegistration.Create<OptimumOptions>(
        "Optimum",
        static sectionPath => new OptimumOptionsValidator(sectionPath),
        static (options, section) => options.Bind(section),
        static () => ProviderRefitSettings.Create(OptimumJsonSerializerContext.Default, static (r, s) => new ValueTask<Exception?>(OptimumApiException.CreateAsync(r, s))),
        static (tokens, client, options) => tokens.ClientCredentials(client, options.CurrentValue.Scope, options.CurrentValue.TokenExpiryBuffer),
        resilienceDefaults: static o =>
        {
            // Optimum answers 429 beyond about 30 requests per minute, with a Retry-After of up to a minute: wait for it.
            o.MaxRetryAttempts = 8;
            o.MaxRetryAfter = TimeSpan.FromSeconds(65);
            o.TotalTimeout = TimeSpan.FromMinutes(5);
        });
}
