using System.Reflection;
using Clients.Core;
using Clients.Optimum;
using Clients.Origami;
using Clients.Ovh;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Xunit;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>
/// The generator implements every interface of the three provider packages itself (requests built with Refit's helpers,
/// sent by <c>GeneratedRequestSender</c>); Refit's own stub is the oracle. For every method of every interface, both are
/// called over the same capturing handler with the same arguments (every optional parameter set, values that need
/// escaping) and must put the same request on the wire (method, URI, headers, content headers, body bytes, Refit's
/// request options) and return the same result or throw the same exception, for each way a response can end: a body,
/// a <c>204</c>, an error status, a body that is not JSON, a transport failure, a cancelled call.
/// </summary>
public sealed class GeneratedClientParityTests
{
    private static readonly Uri BaseAddress = GeneratedClientParity.BaseAddress;

    public static TheoryData<string> Interfaces()
    {
        var data = new TheoryData<string>();
        foreach (var api in ProviderInterfaces())
        {
            data.Add(api.FullName!);
        }

        return data;
    }

    [Fact]
    public void Every_interface_of_the_three_providers_resolves_to_the_generated_implementation()
    {
        var interfaces = ProviderInterfaces().ToList();
        interfaces.Should().HaveCountGreaterThan(20);
        foreach (var api in interfaces)
        {
            using var provider = Container(api.Assembly);
            var implementation = provider.GetRequiredService(api).GetType();
            implementation.Namespace.Should().Be("Clients.Generated", $"{api.Name} should be implemented by the Clients generator, not by Refit's stub");
        }
    }

    [Theory]
    [MemberData(nameof(Interfaces))]
    public async Task Every_method_sends_the_same_request_and_ends_the_same_way_as_Refits_stub(string interfaceName)
    {
        var api = ProviderInterfaces().Single(t => t.FullName == interfaceName);
        using var provider = Container(api.Assembly);
        var settings = provider.GetRequiredKeyedService<RefitSettings>(ProviderName(api.Assembly));
        var implementation = provider.GetRequiredService(api).GetType();
        var result = await GeneratedClientParity.CompareAsync(api, implementation, settings);

        result.Mismatches.Should().BeEmpty();
        result.Compared.Should().Be(result.Methods * GeneratedClientParity.Endings, "every method is compared for every ending");
        result.Methods.Should().BeGreaterThan(0);
    }

    private static IEnumerable<Type> ProviderInterfaces() =>
        new[] { typeof(IOptimumVehiclesApi).Assembly, typeof(IOvhMeApi).Assembly, typeof(IOrigamiSellersApi).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsInterface && t.IsPublic && t.GetCustomAttributes().Any(a => a.GetType().GetCustomAttribute<ClientProviderAttribute>() is not null))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static string ProviderName(Assembly assembly) =>
        assembly == typeof(IOptimumVehiclesApi).Assembly ? "Optimum" : assembly == typeof(IOvhMeApi).Assembly ? "Ovh" : "Origami";

    private static ServiceProvider Container(Assembly assembly)
    {
        var services = new ServiceCollection();
        switch (ProviderName(assembly))
        {
            case "Optimum":
                services.AddOptimumClients(o =>
                {
                    o.ApiBaseUrl = BaseAddress;
                    o.TokenUrl = new Uri(BaseAddress, "token");
                    o.ClientId = "parity-client";
                    o.ClientSecret = "parity-secret";
                });
                break;
            case "Ovh":
                services.AddOvhClients(o =>
                {
                    o.BaseUrl = BaseAddress;
                    o.ApplicationKey = "parity-ak";
                    o.ApplicationSecret = "parity-as";
                    o.ConsumerKey = "parity-ck";
                });
                break;
            default:
                services.AddOrigamiClients(o =>
                {
                    o.ApiUrl = BaseAddress;
                    o.TokenUrl = new Uri(BaseAddress, "token");
                    o.ClientId = "parity-client";
                    o.ClientSecret = "parity-secret";
                    o.UserName = "parity-user";
                    o.Password = "parity-password";
                });
                break;
        }

        return services.BuildServiceProvider();
    }
}
