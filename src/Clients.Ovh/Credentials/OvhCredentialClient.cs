using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clients.Ovh;

/// <summary>
/// OVH's rights-delegation flow: ask a customer for a consumer key with given access rules, wait until they accept,
/// inspect and expire keys. Then sign calls for that customer with <see cref="OvhConsumerKey.Use"/> or an
/// <see cref="IOvhConsumerKeySource"/>.
/// </summary>
public sealed class OvhCredentialClient
{
    private readonly IOvhCredentialApi _api;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal OvhCredentialClient(IOvhCredentialApi api, TimeProvider timeProvider, ILogger<OvhCredentialClient>? logger = null)
    {
        _api = api;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<OvhCredentialClient>.Instance;
    }

    /// <summary>
    /// Requests a consumer key (<c>POST /auth/credential</c>, unsigned). Store <see cref="OvhCredentialRequestResult.ConsumerKey"/>
    /// with the customer and send them to <see cref="OvhCredentialRequestResult.ValidationUrl"/>.
    /// </summary>
    /// <param name="request">The access rules, redirection and allowed IPs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending consumer key and its validation URL.</returns>
    /// <exception cref="OvhApiException">OVH refused the request (for example <see cref="OvhErrorCode.InvalidKey"/>).</exception>
    public Task<OvhCredentialRequestResult> RequestConsumerKeyAsync(OvhCredentialRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new OvhCredentialRequestBody
        {
            AccessRules = request.AccessRules,
            Redirection = request.Redirection?.AbsoluteUri,
            AllowedIPs = request.AllowedIPs,
        };
        return _api.RequestCredentialAsync(body, cancellationToken);
    }

    /// <summary>Requests a consumer key for <paramref name="accessRules"/>; see <see cref="RequestConsumerKeyAsync(OvhCredentialRequest, CancellationToken)"/>.</summary>
    /// <param name="accessRules">The rules, for example <c>OvhAccessRules.For&lt;IOvhMeApi&gt;()</c>.</param>
    /// <param name="redirection">Where OVH sends the customer after validation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending consumer key and its validation URL.</returns>
    public Task<OvhCredentialRequestResult> RequestConsumerKeyAsync(
        IEnumerable<OvhAccessRule> accessRules,
        Uri? redirection = null,
        CancellationToken cancellationToken = default) =>
        RequestConsumerKeyAsync(new OvhCredentialRequest(accessRules) { Redirection = redirection }, cancellationToken);

    /// <summary>Returns a consumer key's state, rules and dates (<c>GET /auth/currentCredential</c>, signed with that key).</summary>
    /// <param name="consumerKey">The consumer key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="OvhApiException">For example <see cref="OvhErrorCode.InvalidCredential"/> for an expired key.</exception>
    public Task<OvhCredential> GetCurrentCredentialAsync(string consumerKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerKey);
        return _api.GetCurrentCredentialAsync(consumerKey, cancellationToken);
    }

    /// <summary>Expires a consumer key (<c>POST /auth/logout</c>, signed with that key).</summary>
    /// <param name="consumerKey">The consumer key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when OVH has expired the key.</returns>
    public Task LogoutAsync(string consumerKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerKey);
        return _api.LogoutAsync(consumerKey, cancellationToken);
    }

    /// <summary>
    /// Polls <c>/auth/currentCredential</c> with backoff until the customer has validated or refused the key, or it expired.
    /// While the key is not yet usable OVH answers with a credential error; that counts as "still pending".
    /// </summary>
    /// <param name="consumerKey">The consumer key returned by <see cref="RequestConsumerKeyAsync(OvhCredentialRequest, CancellationToken)"/>.</param>
    /// <param name="polling">Delays and overall timeout; defaults when <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The credential, whose <see cref="OvhCredential.Status"/> is <see cref="OvhCredentialState.Validated"/>, refused or expired.</returns>
    /// <exception cref="TimeoutException">The key was still pending after <see cref="OvhValidationPolling.Timeout"/>.</exception>
    public async Task<OvhCredential> WaitForValidationAsync(
        string consumerKey,
        OvhValidationPolling? polling = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerKey);
        polling ??= new OvhValidationPolling();
        var started = _timeProvider.GetTimestamp();
        var delay = polling.InitialDelay;
        while (true)
        {
            var state = OvhCredentialState.PendingValidation;
            try
            {
                var credential = await _api.GetCurrentCredentialAsync(consumerKey, cancellationToken).ConfigureAwait(false);
                if (credential.Status != OvhCredentialState.PendingValidation)
                {
                    return credential;
                }
            }
            catch (OvhApiException ex) when (ex.IsInvalidCredential)
            {
                // Not validated yet (OVH does not tell pending from refused here): keep waiting until the timeout.
            }

            var elapsed = _timeProvider.GetElapsedTime(started);
            if (elapsed + delay > polling.Timeout)
            {
                throw new TimeoutException($"The OVH consumer key was not validated within {polling.Timeout}.");
            }

            OvhLog.CredentialPending(_logger, state, delay);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(polling.MaxDelay.Ticks, (long)(delay.Ticks * polling.BackoffFactor)));
        }
    }

    /// <summary>Returns the OVH server's Unix time (<c>GET /auth/time</c>, unsigned).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Unix seconds.</returns>
    public Task<long> GetServerTimeAsync(CancellationToken cancellationToken = default) => _api.GetTimeAsync(cancellationToken);
}
