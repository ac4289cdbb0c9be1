namespace Clients.Ovh;

/// <summary>One OVHcloud API region as the official clients list it.</summary>
/// <param name="Name">The region name used in <see cref="OvhOptions.Endpoint"/>, for example <c>ovh-eu</c>.</param>
/// <param name="BaseUrl">The API base URL, ending in <c>/1.0</c>.</param>
/// <param name="TokenUrl">The OAuth2 service-account token URL, or <c>null</c> when the region has no service accounts.</param>
public sealed record OvhRegion(string Name, Uri BaseUrl, Uri? TokenUrl)
{
    /// <summary>The seven regions, by name.</summary>
    public static IReadOnlyDictionary<string, OvhRegion> All { get; } = new[]
    {
        new OvhRegion("ovh-eu", new Uri("https://eu.api.ovh.com/1.0"), new Uri("https://www.ovh.com/auth/oauth2/token")),
        new OvhRegion("ovh-ca", new Uri("https://ca.api.ovh.com/1.0"), new Uri("https://ca.ovh.com/auth/oauth2/token")),
        new OvhRegion("ovh-us", new Uri("https://api.us.ovhcloud.com/1.0"), new Uri("https://us.ovhcloud.com/auth/oauth2/token")),
        new OvhRegion("kimsufi-eu", new Uri("https://eu.api.kimsufi.com/1.0"), null),
        new OvhRegion("kimsufi-ca", new Uri("https://ca.api.kimsufi.com/1.0"), null),
        new OvhRegion("soyoustart-eu", new Uri("https://eu.api.soyoustart.com/1.0"), null),
        new OvhRegion("soyoustart-ca", new Uri("https://ca.api.soyoustart.com/1.0"), null),
    }.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
}
