using Clients.Core;
using Clients.Core.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clients.Origami;

/// <summary>The Origami registration hook: what the generated <c>AddOrigamiClients</c> methods register.</summary>
public static class OrigamiClientRegistration
{
    /// <summary>
    /// Origami: password-grant bearer tokens renewed with their refresh tokens (the password read from the options only
    /// when a new grant is needed), Origami's errors as <see cref="OrigamiApiException"/>, and the <c>context</c> header.
    /// </summary>
    public static ClientProviderRegistration<OrigamiOptions> Registration { get; } = OAuth2ProviderRegistration.Create<OrigamiOptions>(
        "Origami",
        static sectionPath => new OrigamiOptionsValidator(sectionPath),
        static (options, section) => options.Bind(section),
        static () => ProviderRefitSettings.Create(OrigamiJsonSerializerContext.Default, static (r, s) => new ValueTask<Exception?>(OrigamiApiException.CreateAsync(r, s))),
        static (tokens, client, options) => tokens.Password(client, options.CurrentValue.UserName!, () => options.CurrentValue.Password!, options.CurrentValue.TokenExpiryBuffer),
        // The context handler only sets a header: it may sit anywhere outside the auth handler.
        configureBuilder: static builder => builder.ConfigureHttpClients(static client =>
            client.AddHttpMessageHandler(static sp => new OrigamiContextHandler(sp.GetRequiredService<IOptions<OrigamiOptions>>()))));
}
