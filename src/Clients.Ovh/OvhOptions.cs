namespace Clients.Ovh;

/// <summary>Settings of the OVHcloud clients (configuration section <c>Ovh</c> by convention).</summary>
/// <remarks>
/// Either sign requests with an application key and secret (<see cref="ApplicationKey"/>, <see cref="ApplicationSecret"/>,
/// and a consumer key per customer) or use an OAuth2 service account (<see cref="ClientId"/>, <see cref="ClientSecret"/>).
/// </remarks>
public sealed class OvhOptions
{
    /// <summary>
    /// The region: <c>ovh-eu</c>, <c>ovh-ca</c>, <c>ovh-us</c>, <c>kimsufi-eu</c>, <c>kimsufi-ca</c>, <c>soyoustart-eu</c>
    /// or <c>soyoustart-ca</c>. Set this or <see cref="BaseUrl"/>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// A custom API base URL (a proxy, the sandbox), for example <c>http://127.0.0.1:5000/1.0</c>. Set this or <see cref="Endpoint"/>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The application key (AK) identifying the application. Public.</summary>
    public string? ApplicationKey { get; set; }

    /// <summary>The application secret (AS) used to sign requests. Secret: never logged.</summary>
    public string? ApplicationSecret { get; set; }

    /// <summary>
    /// The default consumer key (CK), used when neither the request, the current <see cref="OvhConsumerKey"/> scope nor a
    /// custom <see cref="IOvhConsumerKeySource"/> supplies one. Secret: never logged.
    /// </summary>
    public string? ConsumerKey { get; set; }

    /// <summary>The OAuth2 service account's client id (instead of application key and secret).</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth2 service account's client secret. Secret: never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The OAuth2 token URL. Defaults to the region's (ovh-eu, ovh-ca, ovh-us); required with a custom <see cref="BaseUrl"/>.
    /// </summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>
    /// Whether to synchronise with the server clock (<c>GET /auth/time</c>, once, lazily) before signing. Default <c>true</c>,
    /// as the official clients do; without it the local clock must be accurate to within OVH's tolerance.
    /// </summary>
    public bool SynchronizeTime { get; set; } = true;

    /// <summary>How long the server-time request may take. Default 30 seconds.</summary>
    public TimeSpan TimeSyncTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string ToString() =>
        $"OvhOptions {{ Endpoint = {Endpoint}, BaseUrl = {BaseUrl}, ApplicationKey = {ApplicationKey}, ApplicationSecret = {Redact(ApplicationSecret)}, ConsumerKey = {Redact(ConsumerKey)}, ClientId = {ClientId}, ClientSecret = {Redact(ClientSecret)} }}";

    private static string Redact(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "***";
}
