using Clients.Ovh;
using Clients.Samples.Marketplace.Hosting;
using Microsoft.Extensions.Logging;

namespace Clients.Samples.Marketplace.Ovh;

/// <summary>
/// OVH's rights-delegation flow for one customer, as the guide describes it: request a consumer key for the rules the
/// marketplace uses, send the customer to the validation URL, confirm the key with <c>/auth/currentCredential</c> when
/// they come back, log it out when they disconnect.
/// </summary>
internal sealed class OvhDelegation(OvhCredentialClient credentials, OvhConsumerKeyStore store, ILogger<OvhDelegation> logger)
{
    /// <summary>Requests a consumer key for <paramref name="customerId"/>, stores it encrypted, returns where to send the customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="callback">Where OVH sends the customer back.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>OVH's validation URL.</returns>
    public async Task<Uri> ConnectAsync(string customerId, Uri callback, CancellationToken cancellationToken)
    {
        var pending = await credentials.RequestConsumerKeyAsync(
            new OvhCredentialRequest(MarketplaceOvhRights.Rules) { Redirection = callback }, cancellationToken).ConfigureAwait(false);
        await store.SavePendingAsync(customerId, pending.ConsumerKey, cancellationToken).ConfigureAwait(false);
        MarketplaceLog.ConnectRequested(logger, customerId, MarketplaceOvhRights.Rules.Count);
        return pending.ValidationUrl ?? throw new InvalidOperationException("OVHcloud returned no validation URL for the credential request.");
    }

    /// <summary>
    /// Called when the customer comes back from OVH: asks OVH about the stored key. Validated: the delegation is
    /// confirmed. Refused, expired or never completed: the key is forgotten.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>True when OVH confirmed the key.</returns>
    public async Task<bool> ConfirmAsync(string customerId, CancellationToken cancellationToken)
    {
        var consumerKey = await store.GetConsumerKeyAsync(customerId, cancellationToken).ConfigureAwait(false);
        if (consumerKey is null)
        {
            return false;
        }

        try
        {
            var credential = await credentials.GetCurrentCredentialAsync(consumerKey, cancellationToken).ConfigureAwait(false);
            if (credential.Status == OvhCredentialState.Validated)
            {
                await store.ConfirmAsync(customerId, credential.CredentialId, credential.Expiration, cancellationToken).ConfigureAwait(false);
                MarketplaceLog.Connected(logger, customerId, credential.CredentialId, credential.Expiration);
                return true;
            }

            MarketplaceLog.NotConfirmed(logger, customerId, credential.Status.ToString(), null);
        }
        catch (OvhApiException exception) when (exception.IsInvalidCredential)
        {
            // OVH answers a refused (or still pending) key with INVALID_CREDENTIAL.
            MarketplaceLog.NotConfirmed(logger, customerId, exception.ErrorCodeText ?? exception.ErrorCode.ToString(), exception.QueryId);
        }

        await store.DeleteAsync(customerId, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Logs the customer's key out at OVH (it expires) and forgets it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task.</returns>
    public async Task DisconnectAsync(string customerId, CancellationToken cancellationToken)
    {
        var consumerKey = await store.GetConsumerKeyAsync(customerId, cancellationToken).ConfigureAwait(false);
        if (consumerKey is not null)
        {
            try
            {
                await credentials.LogoutAsync(consumerKey, cancellationToken).ConfigureAwait(false);
            }
            catch (OvhApiException exception) when (exception.IsInvalidCredential)
            {
                // Already revoked or expired at OVH: nothing left to log out.
                MarketplaceLog.LogoutFailed(logger, customerId, exception.ErrorCodeText ?? exception.ErrorCode.ToString());
            }
        }

        await store.DeleteAsync(customerId, cancellationToken).ConfigureAwait(false);
        MarketplaceLog.Disconnected(logger, customerId);
    }
}
