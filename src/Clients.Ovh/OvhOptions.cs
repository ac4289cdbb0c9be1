namespace Clients.Ovh;

/// <summary>Settings of the Ovh clients.</summary>
public sealed class OvhOptions
{
}
