namespace Clients.Origami;

/// <summary>Settings of the Origami clients.</summary>
public sealed class OrigamiOptions
{
}
