using System.Net;
using System.Net.Sockets;
using Clients.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Refit;

namespace Clients.Core.Tests;

/// <summary>
/// Every provider client logs through the library's one handler (category <c>Clients.{Provider}.Http.{Interface}</c>),
/// not through <see cref="IHttpClientFactory"/>'s two default ones, which a consumer can put back.
/// </summary>
public sealed class ClientsHttpLoggingTests
{
    private const string Category = "Clients.Sample.Http.ISampleLoggingApi";
    private const string Token = "sample-token-d41d8cd98f00";
    private const string QuerySecret = "query-value-9e107d9d372b";

    public interface ISampleLoggingApi
    {
        [Get("/items/{id}")]
        Task<string> GetItemAsync(string id, [Query] string filter, CancellationToken cancellationToken = default);
    }

    [Fact]
    public async Task A_call_logs_its_start_and_end_under_the_client_category_and_nothing_under_the_factory_categories()
    {
        var time = new FakeTimeProvider();
        await using var server = await SandboxHost.StartAsync(app => app.MapGet("/items/{id}", (string id) =>
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            return Results.Text("item " + id);
        }));
        var logs = new FakeLogCollector();
        await using var provider = Build(server.BaseUri, logs, time);

        var item = await provider.GetRequiredService<ISampleLoggingApi>().GetItemAsync("42", QuerySecret);

        item.Should().Be("item 42");
        var records = logs.GetSnapshot();
        records.Select(r => r.Category).Should().NotContain(c => c!.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        var ours = records.Where(r => r.Category == Category).ToList();
        ours.Select(r => (r.Id.Id, r.Level, r.Message)).Should().Equal(
            (1501, LogLevel.Debug, $"Sending HTTP GET {server.BaseUri}items/42"),
            (1502, LogLevel.Debug, $"HTTP GET {server.BaseUri}items/42 answered 200 after 250.0 ms"));
        ours[1].GetStructuredStateValue("StatusCode").Should().Be("200");
    }

    [Fact]
    public async Task Neither_the_query_string_nor_the_Authorization_header_is_logged()
    {
        await using var server = await SandboxHost.StartAsync(app => app.MapGet("/items/{id}", (HttpRequest request) =>
            Results.Text(request.Headers.Authorization + " " + request.Query["filter"])));
        var logs = new FakeLogCollector();
        await using var provider = Build(server.BaseUri, logs, TimeProvider.System);

        var echoed = await provider.GetRequiredService<ISampleLoggingApi>().GetItemAsync("7", QuerySecret);

        echoed.Should().Be($"Bearer {Token} {QuerySecret}", "the request did carry both");
        var records = logs.GetSnapshot();
        records.Where(r => r.Category == Category).Should().HaveCount(2);
        var text = string.Join('\n', records.Select(r => r.Message + " " + string.Join(' ', r.StructuredState?.Select(s => s.Key + "=" + s.Value) ?? [])
            + " " + string.Join(' ', r.Scopes.Select(s => s?.ToString()))));
        text.Should().NotContain(QuerySecret).And.NotContain(Token).And.NotContain("filter=").And.NotContain("Authorization");
    }

    [Fact]
    public async Task A_failed_request_is_logged_with_its_exception()
    {
        var unused = new TcpListener(IPAddress.Loopback, 0);
        unused.Start();
        var port = ((IPEndPoint)unused.LocalEndpoint).Port;
        unused.Stop();
        var logs = new FakeLogCollector();
        await using var provider = Build(new Uri($"http://127.0.0.1:{port}/"), logs, TimeProvider.System);

        var call = () => provider.GetRequiredService<ISampleLoggingApi>().GetItemAsync("1", QuerySecret);

        await call.Should().ThrowAsync<Exception>();
        var failed = logs.GetSnapshot().Where(r => r.Category == Category).Last();
        failed.Id.Id.Should().Be(1503);
        failed.Level.Should().Be(LogLevel.Debug);
        failed.Message.Should().StartWith($"HTTP GET http://127.0.0.1:{port}/items/1 failed after ");
        failed.Exception.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task The_factory_default_loggers_come_back_with_AddDefaultLogger()
    {
        await using var server = await SandboxHost.StartAsync(app => app.MapGet("/items/{id}", (string id) => Results.Text(id)));
        var logs = new FakeLogCollector();
        await using var provider = Build(server.BaseUri, logs, TimeProvider.System, b => b.ConfigureHttpClients(c => c.AddDefaultLogger()));

        await provider.GetRequiredService<ISampleLoggingApi>().GetItemAsync("3", QuerySecret);

        var name = ClientProviderBuilder.ClientName(typeof(ISampleLoggingApi));
        var categories = logs.GetSnapshot().Select(r => r.Category).Distinct().ToList();
        categories.Should().Contain($"System.Net.Http.HttpClient.{name}.LogicalHandler")
            .And.Contain($"System.Net.Http.HttpClient.{name}.ClientHandler")
            .And.Contain(Category);
    }

    [Fact]
    public async Task The_library_handler_is_outermost_and_the_factory_logging_handlers_are_gone()
    {
        await using var plain = Build(new Uri("http://127.0.0.1:9/"), new FakeLogCollector(), TimeProvider.System);
        await using var restored = Build(new Uri("http://127.0.0.1:9/"), new FakeLogCollector(), TimeProvider.System, b => b.ConfigureHttpClients(c => c.AddDefaultLogger()));

        Chain(plain).Should().Equal("LifetimeTrackingHttpMessageHandler", "ClientsHttpLoggingHandler", "SampleAuthHandler", "HttpClientHandler");
        Chain(restored).Should().Contain("LoggingScopeHttpMessageHandler").And.Contain("LoggingHttpMessageHandler").And.Contain("ClientsHttpLoggingHandler");
    }

    private static List<string> Chain(ServiceProvider provider)
    {
        var names = new List<string>();
        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ClientProviderBuilder.ClientName(typeof(ISampleLoggingApi)));
        while (handler is not null)
        {
            names.Add(handler.GetType().Name);
            handler = (handler as DelegatingHandler)?.InnerHandler;
        }

        return names;
    }

    private static ServiceProvider Build(Uri baseUri, FakeLogCollector logs, TimeProvider time, Action<ClientProviderBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.AddSingleton(time);
        var definition = new ClientProviderDefinition(
            "Sample",
            (_, http) => http.BaseAddress = baseUri,
            static _ => new RefitSettings(),
            static _ => new SampleAuthHandler());
        var builder = new ClientProviderBuilder(services, definition);
        builder.AddClient<ISampleLoggingApi>();
        configure?.Invoke(builder);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private sealed class SampleAuthHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
