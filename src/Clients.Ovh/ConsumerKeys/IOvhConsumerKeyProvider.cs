namespace Clients.Ovh;

/// <summary>
/// The former name of <see cref="IOvhConsumerKeySource"/>, kept for one release: an implementation registered under it
/// (after or before <c>AddOvhClients</c>) still supplies the consumer keys.
/// </summary>
[Obsolete("Use IOvhConsumerKeySource (\"provider\" now means only the API vendor); IOvhConsumerKeyProvider will be removed in the next release.")]
public interface IOvhConsumerKeyProvider : IOvhConsumerKeySource
{
}
