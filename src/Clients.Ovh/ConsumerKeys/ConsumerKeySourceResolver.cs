using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh;

/// <summary>
/// Which <see cref="IOvhConsumerKeySource"/> signs: one registered under the former name
/// (<see cref="IOvhConsumerKeyProvider"/>, obsolete for one release) when there is one, as it did before the rename;
/// else the registered <see cref="IOvhConsumerKeySource"/>.
/// </summary>
internal static class ConsumerKeySourceResolver
{
    /// <summary>Resolves the consumer key source from a (fresh) scope.</summary>
    /// <param name="services">The scope's services.</param>
    /// <returns>The source.</returns>
    public static IOvhConsumerKeySource Resolve(IServiceProvider services)
    {
#pragma warning disable CS0618 // the former name is honoured for one release; this line goes with it
        var former = services.GetService<IOvhConsumerKeyProvider>();
#pragma warning restore CS0618
        return former ?? services.GetRequiredService<IOvhConsumerKeySource>();
    }
}
