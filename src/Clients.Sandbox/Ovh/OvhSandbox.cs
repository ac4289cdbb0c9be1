using Clients.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// An OVHcloud API emulator on loopback: server time with a configurable skew, the rights-delegation flow
/// (<c>/auth/credential</c>, a real HTML validation page, <c>/auth/currentCredential</c>, <c>/auth/logout</c>),
/// exact signature and access-rule checks, and every operation of the OVH documents it is given, answered
/// with synthesized data. Start one per test (or per test class) with <see cref="StartAsync"/>.
/// </summary>
public sealed class OvhSandbox : IAsyncDisposable
{
    private readonly SandboxHost host;
    private readonly OvhSandboxState state;

    private OvhSandbox(SandboxHost host, OvhSandboxState state, OvhSandboxApplication application)
    {
        this.host = host;
        this.state = state;
        HostUri = host.BaseUri;
        Application = application;
    }

    /// <summary>The emulator's root, e.g. <c>http://127.0.0.1:5123/</c> (validation pages live under <c>/auth/</c>).</summary>
    public Uri HostUri { get; }

    /// <summary>The v1 API base, like OVH's region endpoints: <c>http://127.0.0.1:5123/1.0</c>.</summary>
    public Uri BaseUri => new(HostUri, "1.0");

    /// <summary>The v2 API base: <c>http://127.0.0.1:5123/v2</c>.</summary>
    public Uri V2BaseUri => new(HostUri, "v2");

    /// <summary>The default registered application.</summary>
    public OvhSandboxApplication Application { get; }

    /// <summary>The default application key (AK).</summary>
    public string ApplicationKey => Application.ApplicationKey;

    /// <summary>The default application secret (AS).</summary>
    public string ApplicationSecret => Application.ApplicationSecret;

    /// <summary>The customer accounts that can log in on the validation page.</summary>
    public IReadOnlyList<OvhSandboxCustomer> Customers => state.Customers;

    /// <summary>The first customer account.</summary>
    public OvhSandboxCustomer DefaultCustomer => state.Customers[0];

    /// <summary>Where the served documents come from: a directory, or the documents embedded in the sandbox assembly.</summary>
    public string SpecSource => state.Catalog.Store.Description;

    /// <summary>The server clock's offset from the time provider; can be changed while running.</summary>
    public TimeSpan ClockSkew
    {
        get => state.ClockSkew;
        set => state.ClockSkew = value;
    }

    /// <summary>Delay added before every answer (wall clock); can be changed while running.</summary>
    public TimeSpan Latency
    {
        get => state.Latency;
        set => state.Latency = value;
    }

    /// <summary>Drift mode of the answers (see <see cref="OvhSandboxOptions.Drift"/>); can change while running.</summary>
    public Hosting.SandboxDriftMode Drift
    {
        get => state.Drift;
        set => state.Drift = value;
    }

    /// <summary>The server's current time (time provider plus skew), what <c>/auth/time</c> answers.</summary>
    public DateTimeOffset ServerTime => state.ServerNow;

    /// <summary>Faults injected at random or on demand into API requests (not <c>/auth/...</c>): resets, 503, 429.</summary>
    public SandboxFaults Faults => state.Faults;

    /// <summary>How many <c>GET /auth/time</c> requests were answered.</summary>
    public int TimeRequestCount => state.TimeRequests;

    /// <summary>How many requests were received, all paths together.</summary>
    public int RequestCount => state.TotalRequests;

    /// <summary>The headers of the last request received (names case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> LastRequestHeaders => state.LastRequestHeaders;

    /// <summary>
    /// The last request received under <c>/1.0</c>, <c>/v1</c> or <c>/v2</c> (not the validation page), with its
    /// raw target and body bytes exactly as sent; null before the first one.
    /// </summary>
    public OvhSandboxRequest? LastRequest => state.LastApiRequest;

    /// <summary>Starts an emulator on <c>127.0.0.1</c> (a free port unless <see cref="OvhSandboxOptions.Port"/> says otherwise).</summary>
    /// <param name="options">Settings; null for the defaults (one application, one customer, all universes).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<OvhSandbox> StartAsync(OvhSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OvhSandboxOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TimestampTolerance, TimeSpan.Zero, nameof(options.TimestampTolerance));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Latency, TimeSpan.Zero, nameof(options.Latency));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options.Port));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        if (options.Applications.Count == 0)
        {
            options.Applications.Add(new OvhSandboxApplication(OvhSandboxOptions.DefaultApplicationKey, OvhSandboxOptions.DefaultApplicationSecret));
        }

        if (options.Customers.Count == 0)
        {
            options.Customers.Add(new OvhSandboxCustomer(OvhSandboxOptions.DefaultCustomerLogin, OvhSandboxOptions.DefaultCustomerPassword));
        }

        var catalog = new OvhSpecCatalog(OvhSpecCatalog.LocateStore(options.SpecDirectory), options.Universes?.ToArray());
        var state = new OvhSandboxState(options, catalog) { Latency = options.Latency, Drift = options.Drift };

        var handler = new OvhRequestHandler(state);
        var host = await SandboxHost.StartAsync(app => app.Run(handler.HandleAsync), options.Port, cancellationToken).ConfigureAwait(false);
        var sandbox = new OvhSandbox(host, state, options.Applications[0]);
        OvhSandboxLog.Started(state.Logger, sandbox.BaseUri, catalog.Store.Description);
        return sandbox;
    }

    /// <summary>Requests on the raw path <paramref name="path"/> (as sent, without query: <c>/1.0/me</c>).</summary>
    /// <param name="path">The raw request path.</param>
    /// <returns>The count.</returns>
    public int GetRequestCount(string path) => state.RequestsTo(path);

    /// <summary>Sets every counter back to zero.</summary>
    public void ResetCounters() => state.ResetCounters();

    /// <summary>The state of a consumer key, or null when the emulator does not know it.</summary>
    /// <param name="consumerKey">The consumer key.</param>
    /// <returns>The state now.</returns>
    public OvhSandboxCredentialStatus? GetCredentialStatus(string consumerKey) =>
        state.FindByConsumerKey(consumerKey)?.StatusAt(state.ServerNow);

    /// <summary>
    /// Issues an already validated consumer key for <paramref name="customer"/>, skipping the validation page
    /// (the page is what the delegation tests should drive; this is for tests about something else).
    /// </summary>
    /// <param name="rules">The access rules.</param>
    /// <param name="customer">The customer; default <see cref="DefaultCustomer"/>.</param>
    /// <param name="validity">How long it stays valid; null for unlimited.</param>
    /// <param name="applicationKey">The application it belongs to; default <see cref="ApplicationKey"/>.</param>
    /// <returns>The consumer key.</returns>
    public string CreateConsumerKey(IEnumerable<OvhSandboxAccessRule> rules, OvhSandboxCustomer? customer = null, TimeSpan? validity = null, string? applicationKey = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!state.TryGetApplication(applicationKey ?? ApplicationKey, out var application, out var applicationId))
        {
            throw new ArgumentException("The OVH sandbox has no application with this key.", nameof(applicationKey));
        }

        var credential = state.CreateCredential(application, applicationId, [.. rules], redirection: null, allowedIps: null);
        OvhValidationPage.Accept(credential, customer ?? DefaultCustomer, validity, state.ServerNow);
        return credential.ConsumerKey;
    }

    /// <summary>
    /// Plays the customer on the real validation page over HTTP: GETs <paramref name="validationUrl"/>, fills the
    /// form and submits it. Use it in end-to-end tests of the delegation flow.
    /// </summary>
    /// <param name="validationUrl">The <c>validationUrl</c> returned by <c>POST /auth/credential</c>.</param>
    /// <param name="login">The customer's nichandle or e-mail; default <see cref="DefaultCustomer"/>.</param>
    /// <param name="password">The customer's password; default the default customer's.</param>
    /// <param name="accept">True to press "Authorize access", false to press "Refuse".</param>
    /// <param name="validity">The validity to pick; null for unlimited.</param>
    /// <param name="cancellationToken">Cancels the HTTP calls.</param>
    /// <returns>Where the page redirected (the key's <c>redirection</c>), or null when none was given.</returns>
    /// <exception cref="InvalidOperationException">The page showed an error (unknown token, wrong password, already processed).</exception>
    public Task<Uri?> SubmitValidationPageAsync(string validationUrl, string? login = null, string? password = null, bool accept = true, TimeSpan? validity = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(validationUrl);
        return OvhValidationPageClient.SubmitAsync(validationUrl, login ?? DefaultCustomer.Nichandle, password ?? DefaultCustomer.Password, accept, validity, cancellationToken);
    }

    /// <summary>Validates a pending consumer key as if the customer accepted it on the page.</summary>
    /// <param name="consumerKey">The consumer key.</param>
    /// <param name="customer">The customer; default <see cref="DefaultCustomer"/>.</param>
    /// <param name="validity">How long it stays valid; null for unlimited.</param>
    public void ValidateConsumerKey(string consumerKey, OvhSandboxCustomer? customer = null, TimeSpan? validity = null) =>
        OvhValidationPage.Accept(Find(consumerKey), customer ?? DefaultCustomer, validity, state.ServerNow);

    /// <summary>Marks a consumer key refused (calls then get <c>INVALID_CREDENTIAL</c>).</summary>
    /// <param name="consumerKey">The consumer key.</param>
    public void RefuseConsumerKey(string consumerKey) => SetStatus(consumerKey, OvhSandboxCredentialStatus.Refused);

    /// <summary>Marks a consumer key expired (calls then get <c>INVALID_CREDENTIAL</c>).</summary>
    /// <param name="consumerKey">The consumer key.</param>
    public void ExpireConsumerKey(string consumerKey) => SetStatus(consumerKey, OvhSandboxCredentialStatus.Expired);

    /// <summary>Deletes a consumer key, as a customer revoking it (calls then get <c>NOT_CREDENTIAL</c>).</summary>
    /// <param name="consumerKey">The consumer key.</param>
    public void RevokeConsumerKey(string consumerKey)
    {
        if (!state.Remove(consumerKey))
        {
            throw new ArgumentException("The OVH sandbox does not know this consumer key.", nameof(consumerKey));
        }
    }

    /// <summary>
    /// Deletes every consumer key <paramref name="customer"/> accepted, as the customer revoking an application's
    /// access from their account (calls with those keys then get <c>NOT_CREDENTIAL</c>).
    /// </summary>
    /// <param name="customer">The customer.</param>
    /// <returns>How many keys were deleted.</returns>
    public int RevokeConsumerKeys(OvhSandboxCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return state.CredentialsOf(customer).ToList().Count(credential => state.Remove(credential.ConsumerKey));
    }

    /// <summary>
    /// Every consumer key the emulator issued and still knows, whatever its state (for tests that check a key never
    /// leaks into a page, a log or a database file).
    /// </summary>
    /// <returns>The keys.</returns>
    public IReadOnlyList<string> GetIssuedConsumerKeys() => state.AllConsumerKeys();

    /// <summary>Rejects the next <paramref name="count"/> signed requests with <c>QUERY_TIME_OUT</c>, whatever their timestamp.</summary>
    /// <param name="count">How many requests to reject.</param>
    public void ForceQueryTimeOut(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        state.ForceTimeOut(count);
    }

    /// <summary>Answers the next <paramref name="count"/> API requests with <paramref name="statusCode"/> (429 carries <c>Retry-After: 1</c>).</summary>
    /// <param name="statusCode">The status to answer, e.g. 429, 500, 503.</param>
    /// <param name="count">How many requests.</param>
    /// <param name="pathContains">Only requests whose raw path contains this; null for all.</param>
    public void InjectFaults(int statusCode, int count = 1, string? pathContains = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        state.InjectFaults(statusCode, count, pathContains);
    }

    /// <summary>Stops the emulator.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"OvhSandbox {{ BaseUri = {BaseUri}, ApplicationKey = {ApplicationKey} }}";

    private OvhCredential Find(string consumerKey) =>
        state.FindByConsumerKey(consumerKey) ?? throw new ArgumentException("The OVH sandbox does not know this consumer key.", nameof(consumerKey));

    private void SetStatus(string consumerKey, OvhSandboxCredentialStatus status)
    {
        var credential = Find(consumerKey);
        lock (credential.Sync)
        {
            credential.Status = status;
            if (status == OvhSandboxCredentialStatus.Expired)
            {
                credential.Expiration = state.ServerNow;
            }
        }
    }
}
