namespace Clients.Optimum;

/// <summary>Settings of the Optimum clients.</summary>
public sealed class OptimumOptions
{
}
