using Clients.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>The test provider's hook, shaped like the real providers' ones.</summary>
public static class LoopbackClientRegistration
{
    public static ClientProviderBuilder AddProvider(IServiceCollection services, IConfiguration section) =>
        AddProvider(services, section.Bind);

    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<LoopbackOptions> configure)
    {
        services.AddOptions<LoopbackOptions>()
            .Configure(configure)
            .Validate(o => o.BaseAddress is not null, "Loopback:BaseAddress is required.")
            .ValidateOnStart();
        return new ClientProviderBuilder(services, new ClientProviderDefinition(
            "Loopback",
            (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<LoopbackOptions>>().Value.BaseAddress,
            _ => new RefitSettings(),
            sp => new LoopbackAuthHandler(sp.GetRequiredService<IOptions<LoopbackOptions>>().Value.Token)));
    }
}
