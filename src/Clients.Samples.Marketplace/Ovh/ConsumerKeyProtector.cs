using Microsoft.AspNetCore.DataProtection;

namespace Clients.Samples.Marketplace.Ovh;

/// <summary>
/// Encrypts consumer keys before they reach the database, with ASP.NET Core Data Protection (authenticated
/// encryption; the key ring lives outside the database, see <see cref="Hosting.MarketplaceOptions.DataDirectory"/>).
/// </summary>
internal sealed class ConsumerKeyProtector(IDataProtectionProvider provider)
{
    /// <summary>The purpose string: a payload protected for anything else cannot be read as a consumer key.</summary>
    public const string Purpose = "Clients.Samples.Marketplace.OvhConsumerKey.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>Encrypts a consumer key for <paramref name="customerId"/> (the customer id is bound into the payload).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="consumerKey">The consumer key.</param>
    /// <returns>The protected payload.</returns>
    public string Protect(string customerId, string consumerKey) => _protector.CreateProtector(customerId).Protect(consumerKey);

    /// <summary>Decrypts a payload written by <see cref="Protect"/> for the same customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="protectedConsumerKey">The payload.</param>
    /// <returns>The consumer key.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The payload was not written for this customer or the key ring lost its key.</exception>
    public string Unprotect(string customerId, string protectedConsumerKey) => _protector.CreateProtector(customerId).Unprotect(protectedConsumerKey);
}
