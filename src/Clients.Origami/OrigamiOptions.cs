using Clients.Core.OAuth2;

namespace Clients.Origami;

/// <summary>Settings of the Origami clients (configuration section <c>Origami</c> by convention).</summary>
/// <remarks>
/// The client, its authentication (<see cref="OAuth2ProviderOptions.TokenRequestFormat"/>: form as the guide says; the
/// PHP SDK sends JSON), token renewal and retries are <see cref="OAuth2ProviderOptions"/>'s (token expiry buffer: one
/// minute by default). <see cref="ToString"/> never shows the client secret or the password.
/// </remarks>
public sealed class OrigamiOptions() : OAuth2ProviderOptions(tokenExpiryBuffer: TimeSpan.FromMinutes(1))
{
    /// <summary>
    /// Your marketplace's API URL, without <c>/v1</c>: data calls go to <c>{ApiUrl}/v1/...</c>, tokens to
    /// <c>{ApiUrl}/oauth/token</c> unless <see cref="OAuth2ProviderOptions.TokenUrl"/> says otherwise.
    /// </summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The API user's e-mail (the password grant's user name).</summary>
    public string? UserName { get; set; }

    /// <summary>The API user's password. A secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The user group the calls act as by default (the <c>context</c> header). Default <c>1</c>, the operator.</summary>
    public string DefaultContext { get; set; } = OrigamiContext.Operator;

    /// <summary>The data API base: <c>{ApiUrl}/v1/</c>.</summary>
    /// <returns>The URL, or <see langword="null"/> without an absolute <see cref="ApiUrl"/>.</returns>
    public override Uri? ResolveApiBaseUrl() => Under("v1/");

    /// <inheritdoc />
    public override string ToString() => $"Origami user {UserName} (client {ClientId}) at {ApiUrl}, context {DefaultContext}";

    /// <summary>The token endpoint under <see cref="ApiUrl"/>: <c>{ApiUrl}/oauth/token</c>.</summary>
    /// <returns>The URL, or <see langword="null"/> without an absolute <see cref="ApiUrl"/>.</returns>
    protected override Uri? DefaultTokenUrl() => Under("oauth/token");

    private Uri? Under(string relative) => ApiUrl is not { IsAbsoluteUri: true } api
        ? null
        : new Uri(api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/"), relative);
}
