using Clients.Sandbox.Hosting;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Clients.Sandbox.Ovh;

/// <summary>The mutable state of one emulator: keys, customers, credentials, counters and fault knobs.</summary>
internal sealed class OvhSandboxState
{
    private const string KeyAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly Dictionary<string, (OvhSandboxApplication Application, long Id)> applications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OvhCredential> credentialsByKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OvhCredential> credentialsByToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> requestsByPath = new(StringComparer.Ordinal);
    private readonly Lock faultLock = new();
    private long clockSkewTicks;
    private long latencyTicks;
    private int timeRequests;
    private int totalRequests;
    private long nextCredentialId = 1_000_000;
    private long queryCounter;
    private int forcedTimeOuts;
    private int faultStatus;
    private int faultCount;
    private string? faultPath;
    private IReadOnlyDictionary<string, string> lastRequestHeaders = new Dictionary<string, string>();
    private OvhSandboxRequest? lastApiRequest;
    private int drift;

    public OvhSandboxState(OvhSandboxOptions options, OvhSpecCatalog catalog)
    {
        TimeProvider = options.TimeProvider;
        TimestampTolerance = options.TimestampTolerance;
        ClockSkew = options.ClockSkew;
        Catalog = catalog;
        var id = 100_000L;
        foreach (var application in options.Applications)
        {
            applications[application.ApplicationKey] = (application, ++id);
        }

        Customers = [.. options.Customers];
        Logger = (options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Clients.Sandbox.Ovh");
    }

    public Microsoft.Extensions.Logging.ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    public TimeSpan TimestampTolerance { get; }

    public OvhSpecCatalog Catalog { get; }

    public IReadOnlyList<OvhSandboxCustomer> Customers { get; }

    public TimeSpan ClockSkew
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref clockSkewTicks));
        set => Interlocked.Exchange(ref clockSkewTicks, value.Ticks);
    }

    public Hosting.SandboxDriftMode Drift
    {
        get => (Hosting.SandboxDriftMode)Volatile.Read(ref drift);
        set => Volatile.Write(ref drift, (int)value);
    }

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, value.Ticks);
    }

    public int TimeRequests => Volatile.Read(ref timeRequests);

    public Hosting.SandboxFaults Faults { get; } = new();

    public int TotalRequests => Volatile.Read(ref totalRequests);

    public IReadOnlyDictionary<string, string> LastRequestHeaders => Volatile.Read(ref lastRequestHeaders);

    public OvhSandboxRequest? LastApiRequest
    {
        get => Volatile.Read(ref lastApiRequest);
        set => Volatile.Write(ref lastApiRequest, value);
    }

    /// <summary>The emulator's clock: the time provider's now plus the configured skew.</summary>
    public DateTimeOffset ServerNow => TimeProvider.GetUtcNow() + ClockSkew;

    public bool TryGetApplication(string? applicationKey, out OvhSandboxApplication application, out long applicationId)
    {
        if (applicationKey is not null && applications.TryGetValue(applicationKey, out var entry))
        {
            (application, applicationId) = entry;
            return true;
        }

        application = null!;
        applicationId = 0;
        return false;
    }

    public OvhSandboxCustomer? FindCustomer(string login) => Customers.FirstOrDefault(c => c.HasLogin(login));

    public OvhCredential CreateCredential(OvhSandboxApplication application, long applicationId, IReadOnlyList<OvhSandboxAccessRule> rules, string? redirection, IReadOnlyList<string>? allowedIps)
    {
        var credential = new OvhCredential(
            Interlocked.Increment(ref nextCredentialId),
            RandomNumberGenerator.GetString(KeyAlphabet, 32),
            RandomNumberGenerator.GetString(KeyAlphabet, 64),
            application,
            applicationId,
            rules,
            redirection,
            allowedIps,
            ServerNow);
        credentialsByKey[credential.ConsumerKey] = credential;
        credentialsByToken[credential.CredentialToken] = credential;
        return credential;
    }

    public OvhCredential? FindByConsumerKey(string? consumerKey) =>
        consumerKey is not null && credentialsByKey.TryGetValue(consumerKey, out var credential) ? credential : null;

    public OvhCredential? FindByToken(string? token) =>
        token is not null && credentialsByToken.TryGetValue(token, out var credential) ? credential : null;

    /// <summary>The credentials a customer has accepted, in creation order.</summary>
    public IEnumerable<OvhCredential> CredentialsOf(OvhSandboxCustomer customer) =>
        credentialsByKey.Values.Where(c => { lock (c.Sync) { return ReferenceEquals(c.Customer, customer); } }).OrderBy(static c => c.CredentialId);

    public IReadOnlyList<string> AllConsumerKeys() => [.. credentialsByKey.Keys];

    public bool Remove(string consumerKey)
    {
        if (credentialsByKey.TryRemove(consumerKey, out var credential))
        {
            credentialsByToken.TryRemove(credential.CredentialToken, out _);
            return true;
        }

        return false;
    }

    public string NextQueryId() =>
        "EU.sandbox-1." + Interlocked.Increment(ref queryCounter).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public void CountRequest(string rawPath, IReadOnlyDictionary<string, string> headers)
    {
        Interlocked.Increment(ref totalRequests);
        requestsByPath.AddOrUpdate(rawPath, 1, static (_, n) => n + 1);
        Volatile.Write(ref lastRequestHeaders, headers);
    }

    public void CountTimeRequest() => Interlocked.Increment(ref timeRequests);

    public int RequestsTo(string rawPath) => requestsByPath.TryGetValue(rawPath, out var n) ? n : 0;

    public void ResetCounters()
    {
        Interlocked.Exchange(ref timeRequests, 0);
        Interlocked.Exchange(ref totalRequests, 0);
        requestsByPath.Clear();
    }

    public void ForceTimeOut(int count) => Interlocked.Add(ref forcedTimeOuts, count);

    public bool ConsumeForcedTimeOut() => OnDemandCounter.TryConsume(ref forcedTimeOuts);

    public void InjectFaults(int statusCode, int count, string? pathContains)
    {
        lock (faultLock)
        {
            faultStatus = statusCode;
            faultCount = count;
            faultPath = pathContains;
        }
    }

    public int? ConsumeFault(string rawPath)
    {
        lock (faultLock)
        {
            if (faultCount <= 0 || (faultPath is not null && !rawPath.Contains(faultPath, StringComparison.Ordinal)))
            {
                return null;
            }

            faultCount--;
            return faultStatus;
        }
    }
}
