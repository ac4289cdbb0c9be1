using Microsoft.Extensions.Options;

namespace Clients.Ovh;

/// <summary>
/// The default <see cref="IOvhConsumerKeySource"/>: <see cref="OvhOptions.ConsumerKey"/> when the call names no customer.
/// A named customer gets no key (never the default one), so customers cannot cross by accident.
/// </summary>
internal sealed class OptionsConsumerKeySource(IOptionsMonitor<OvhOptions> options) : IOvhConsumerKeySource
{
    public ValueTask<string?> GetConsumerKeyAsync(string? customerId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(customerId is null ? options.CurrentValue.ConsumerKey : null);
}
