using Clients.Core;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>A test provider declared only by its marker and hook: the generator runs on this project and binds it.</summary>
[AttributeUsage(AttributeTargets.Interface)]
[ClientProvider("Loopback", typeof(LoopbackClientRegistration), typeof(LoopbackOptions))]
public sealed class LoopbackApiAttribute : Attribute
{
}
