using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Clients.Generator.Models;

namespace Clients.Generator.Parsing;

/// <summary>Splits the marked interfaces into one output per provider (values only).</summary>
internal static class ProviderGrouper
{
    public static ImmutableArray<ProviderOutput> Group(
        ImmutableArray<InterfaceModel> interfaces,
        ImmutableArray<ProviderModel> localProviders,
        CompilationFacts facts,
        EquatableArray<string> jsonContexts)
    {
        var providers = new Dictionary<string, ProviderModel>();
        foreach (var provider in localProviders)
        {
            providers[provider.MarkerType] = provider;
        }

        foreach (var api in interfaces)
        {
            if (!providers.ContainsKey(api.Provider.MarkerType))
            {
                providers[api.Provider.MarkerType] = api.Provider;
            }
        }

        return providers.Values
            .OrderBy(static p => p.MarkerType, System.StringComparer.Ordinal)
            .Select(provider => new ProviderOutput(
                provider,
                new EquatableArray<InterfaceModel>(interfaces
                    .Where(i => i.Provider.MarkerType == provider.MarkerType)

                    // With a Refit outside the supported range (CLG006) the generated implementations would call helpers
                    // that may not exist: only Refit's stubs are registered, so CLG006 is the one error the build shows.
                    .Select(i => facts.UnsupportedRefitVersion is null ? i : i with { Implementation = null })
                    .OrderBy(static i => i.FullName, System.StringComparer.Ordinal)),
                facts.AssemblyName,
                facts.CanUseModuleInitializer,
                jsonContexts))
            .ToImmutableArray();
    }
}
