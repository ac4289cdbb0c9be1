using Clients.Optimum;
using Clients.Origami;
using Clients.Ovh;
using Consumer.Lufthansa;
using Consumer.Ovh;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consumer;

/// <summary>What a consumer application does with the Clients packages: registration from configuration, one call per provider.</summary>
public static class ConsumerClients
{
    /// <summary>The three providers from the sections <c>Optimum</c>, <c>Ovh</c> and <c>Origami</c>, and this project's own <c>Lufthansa</c>.</summary>
    public static ServiceProvider Create(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptimumClients(configuration.GetSection("Optimum"));
        services.AddOvhClients(configuration.GetSection("Ovh"));   // also registers this assembly's IOvhSmsApi (Generated/Ovh)
        services.AddOrigamiClients(configuration.GetSection("Origami"));
        services.AddLufthansaClients(configuration.GetSection("Lufthansa"));   // generated from this project's <ClientsDocument>
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static async Task<string> OptimumAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var vehicles = await services.GetRequiredService<IOptimumVehiclesApi>().GetVehiclesAsync(cancellationToken);
        return $"optimum: {vehicles.Count} vehicles, first {vehicles.FirstOrDefault()?.RegistrationNumber}";
    }

    public static async Task<string> OvhAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var me = await services.GetRequiredService<IOvhMeApi>().GetMeAsync(cancellationToken);
        return $"ovh: me {me.Nichandle}";
    }

    public static async Task<string> OrigamiAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var me = await services.GetRequiredService<IOrigamiMeApi>().GetMeAsync(cancellationToken);
        return $"origami: me {me.Data.Email}";
    }

    /// <summary>The interface this project generated itself (<c>&lt;OvhUniverse Include="v1/sms" /&gt;</c>).</summary>
    public static async Task<string> OvhSmsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sms = services.GetRequiredService<IOvhSmsApi>();
        var accounts = await sms.ListSmsAsync(cancellationToken: cancellationToken);
        var account = await sms.GetSmsAsync(accounts[0], cancellationToken);
        return $"ovh sms: {accounts.Count} accounts, {account.Name}";
    }

    /// <summary>The fourth provider, generated from <c>Documents/lufthansa-partner.json</c> and authenticated with OAuth2 client credentials.</summary>
    public static async Task<string> LufthansaAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var seats = await services.GetRequiredService<ILufthansaReferenceDataApi>().SeatDetailsAsync("74H", "M", "application/json", lang: "en", cancellationToken: cancellationToken);
        var status = await services.GetRequiredService<ILufthansaOffersApi>().ONDStatusAsync("application/json", cancellationToken: cancellationToken);
        return $"lufthansa: seat details {seats.Length} chars, ond status {status.Length} chars";
    }

    /// <summary>The rights a customer grants this application: exactly the SMS operations it can call.</summary>
    public static IReadOnlyList<OvhAccessRule> SmsRules() => OvhAccessRules.For<IOvhSmsApi>();
}
