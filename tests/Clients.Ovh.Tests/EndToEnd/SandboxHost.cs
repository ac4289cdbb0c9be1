using Clients.Sandbox.Ovh;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clients.Ovh.Tests.EndToEnd;

internal static class SandboxHost
{
    public static ServiceProvider Services(OvhSandbox sandbox, Action<IServiceCollection>? services = null, Action<OvhOptions>? configure = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        var builder = OvhClientRegistration.Registration.Add(collection, o =>
        {
            o.BaseUrl = sandbox.BaseUri;
            o.ApplicationKey = sandbox.ApplicationKey;
            o.ApplicationSecret = sandbox.ApplicationSecret;
            configure?.Invoke(o);
        });
        builder.AddClient<ISandboxMeApi>();
        builder.AddClient<ISandboxDomainApi>();
        builder.AddClient<IOvhMeApi>();
        builder.AddClient<IOvhDomainApi>();
        services?.Invoke(collection);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static string Key(this OvhSandbox sandbox, string method, string path, OvhSandboxCustomer? customer = null) =>
        sandbox.CreateConsumerKey([new OvhSandboxAccessRule(method, path)], customer);
}
