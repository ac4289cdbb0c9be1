using Clients.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>The test provider's hook, shaped like the real providers' ones.</summary>
public static class LoopbackClientRegistration
{
    public static ClientProviderRegistration<LoopbackOptions> Registration { get; } = new(
        "Loopback",
        static sectionPath => new LoopbackValidator(sectionPath),
        static (options, section) => options.Bind(section),
        static _ => new ClientProviderDefinition(
            "Loopback",
            (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<LoopbackOptions>>().Value.BaseAddress,
            _ => new RefitSettings(),
            sp => new LoopbackAuthHandler(sp.GetRequiredService<IOptions<LoopbackOptions>>().Value.Token)));

    private sealed class LoopbackValidator(string sectionPath) : IValidateOptions<LoopbackOptions>
    {
        public ValidateOptionsResult Validate(string? name, LoopbackOptions options) => options.BaseAddress is null
            ? ValidateOptionsResult.Fail($"{sectionPath}:BaseAddress is required.")
            : ValidateOptionsResult.Success;
    }
}
