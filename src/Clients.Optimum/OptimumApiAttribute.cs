using Clients.Core;

namespace Clients.Optimum;

/// <summary>Marks a Refit interface as a Optimum client: registered by <c>AddOptimumClients</c> and authenticated by the Optimum handler chain.</summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
[ClientProvider("Optimum", typeof(OptimumClientRegistration), typeof(OptimumOptions))]
public sealed class OptimumApiAttribute : Attribute
{
}
