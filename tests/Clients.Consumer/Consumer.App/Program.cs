using Consumer;
using Microsoft.Extensions.Configuration;

// Settings from the environment (Optimum__ClientId, Ovh__ConsumerKey, ...), as a deployed app would have them.
// Arguments: the calls to make (optimum, ovh, origami, sms, lufthansa); the first four by default.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
using var services = ConsumerClients.Create(configuration);
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var calls = args.Length > 0 ? args : ["optimum", "ovh", "origami", "sms"];
foreach (var call in calls)
{
    var line = call switch
    {
        "optimum" => await ConsumerClients.OptimumAsync(services, timeout.Token),
        "ovh" => await ConsumerClients.OvhAsync(services, timeout.Token),
        "origami" => await ConsumerClients.OrigamiAsync(services, timeout.Token),
        "sms" => await ConsumerClients.OvhSmsAsync(services, timeout.Token),
        "lufthansa" => await ConsumerClients.LufthansaAsync(services, timeout.Token),
        _ => throw new ArgumentException($"unknown call '{call}'; use optimum, ovh, origami, sms or lufthansa"),
    };
    Console.WriteLine(line);
}

return 0;
