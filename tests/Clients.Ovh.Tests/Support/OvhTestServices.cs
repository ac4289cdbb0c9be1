using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clients.Ovh.Tests.Support;

internal static class OvhTestServices
{
    public const string DefaultConsumerKey = "defaultConsumerKey00000000000001";

    public static ServiceProvider Build(
        Uri baseUrl,
        Action<OvhOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string applicationKey = OvhStubServer.ApplicationKey,
        string applicationSecret = OvhStubServer.ApplicationSecret)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        OvhClientRegistration.Registration.Add(collection, o =>
        {
            o.BaseUrl = baseUrl;
            o.ApplicationKey = applicationKey;
            o.ApplicationSecret = applicationSecret;
            o.ConsumerKey = DefaultConsumerKey;
            configure?.Invoke(o);
        }).AddClient<IStubOvhApi>();
        services?.Invoke(collection);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
