using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Clients.Core.Wire;
using Clients.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Refit;

namespace Clients.Core.Tests.Wire;

/// <summary>
/// The providers' settings read a response body from the bytes Refit has buffered; what they read must be what Refit's
/// own <see cref="SystemTextJsonContentSerializer"/> reads from the same response, whatever its charset.
/// </summary>
public sealed class BufferedJsonContentSerializerTests
{
    private const string Json = """{"name":"Citroën Ë-C4 <&>","count":3,"note":null}""";

    public interface ISampleBodyApi
    {
        [Get("/body/{kind}")]
        Task<Sample> GetAsync(string kind, CancellationToken cancellationToken = default);

        [Post("/echo")]
        Task<string> EchoAsync([Body] Sample sample, CancellationToken cancellationToken = default);
    }

    public sealed record Sample(string Name, int Count, string? Note);

    // Each kind: the Content-Type sent and the body's bytes (a BOM, another charset).
    private static readonly Dictionary<string, (string ContentType, byte[] Body)> Bodies = new()
    {
        ["utf8"] = ("application/json; charset=utf-8", Encoding.UTF8.GetBytes(Json)),
        ["no-charset"] = ("application/json", Encoding.UTF8.GetBytes(Json)),
        ["quoted-upper"] = ("application/json; Charset=\"UTF-8\"", Encoding.UTF8.GetBytes(Json)),
        ["bom"] = ("application/json; charset=utf-8", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Json)]),
        ["latin1"] = ("application/json; charset=iso-8859-1", Encoding.Latin1.GetBytes(Json.Replace("Ë", "E", StringComparison.Ordinal))),
        ["utf16"] = ("application/json; charset=utf-16", Encoding.Unicode.GetBytes(Json)),
        ["invalid"] = ("application/json; charset=utf-8", Encoding.UTF8.GetBytes("""{"name":"x","count":""")),
    };

    public static TheoryData<string> Kinds => new(Bodies.Keys.Where(k => k != "invalid"));

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_buffered_body_reads_as_Refit_reads_it(string kind)
    {
        await using var server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var (ours, refits) = Serializers();

        var read = await ReadAsync(http, kind, ours, buffer: true);
        var expected = await ReadAsync(http, kind, refits, buffer: true);

        read.Should().Be(expected);
        read!.Name.Should().Be(kind == "latin1" ? "Citroën E-C4 <&>" : "Citroën Ë-C4 <&>");
        read.Count.Should().Be(3);
    }

    [Fact]
    public async Task A_body_not_buffered_yet_is_read_all_the_same()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        var read = await ReadAsync(http, "utf8", Serializers().Ours, buffer: false);

        read.Should().Be(new Sample("Citroën Ë-C4 <&>", 3, null));
    }

    [Fact]
    public async Task Invalid_JSON_fails_as_with_Refit_serializer()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var (ours, refits) = Serializers();

        var mine = () => ReadAsync(http, "invalid", ours, buffer: true);
        var theirs = () => ReadAsync(http, "invalid", refits, buffer: true);

        await mine.Should().ThrowAsync<JsonException>();
        await theirs.Should().ThrowAsync<JsonException>();
    }

    [Fact]
    public async Task A_Refit_client_on_the_provider_settings_reads_every_charset_and_writes_bodies_as_before()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var api = RestService.For<ISampleBodyApi>(http, Settings());

        foreach (var kind in Bodies.Keys.Where(k => k != "invalid"))
        {
            (await api.GetAsync(kind)).Name.Should().StartWith("Citroën ", kind);
        }

        var echoed = await api.EchoAsync(new Sample("Ë <&>", 1, null));
        echoed.Should().Be("application/json; charset=utf-8 {\"name\":\"Ë <&>\",\"count\":1}", "nulls left out, no HTML escaping, as before");
        var failure = () => api.GetAsync("invalid");
        (await failure.Should().ThrowAsync<ApiException>()).WithInnerException<JsonException>();
    }

    private static RefitSettings Settings() => ProviderRefitSettings.Create(
        new DefaultJsonTypeInfoResolver(),
        static (response, _) => new ValueTask<Exception?>(response.IsSuccessStatusCode ? null : new HttpRequestException("HTTP " + (int)response.StatusCode)));

    private static (IJsonTypeInfoContentSerializer Ours, IJsonTypeInfoContentSerializer Refits) Serializers()
    {
        var ours = (IJsonTypeInfoContentSerializer)Settings().ContentSerializer;
        ours.Should().NotBeOfType<SystemTextJsonContentSerializer>();
        return (ours, new SystemTextJsonContentSerializer(ProviderRefitSettings.CreateJsonOptions(new DefaultJsonTypeInfoResolver())));
    }

    private static async Task<Sample?> ReadAsync(HttpClient http, string kind, IJsonTypeInfoContentSerializer serializer, bool buffer)
    {
        using var response = await http.GetAsync("body/" + kind, HttpCompletionOption.ResponseHeadersRead);
        if (buffer)
        {
            await response.Content.LoadIntoBufferAsync();
        }

        var typeInfo = (JsonTypeInfo<Sample>)ProviderRefitSettings.CreateJsonOptions(new DefaultJsonTypeInfoResolver()).GetTypeInfo(typeof(Sample));
        return await serializer.FromHttpContentAsync(response.Content, typeInfo);
    }

    private static Task<SandboxHost> StartAsync() => SandboxHost.StartAsync(app =>
    {
        app.MapGet("/body/{kind}", async (string kind, HttpResponse response) =>
        {
            var (contentType, body) = Bodies[kind];
            response.Headers.ContentType = contentType;
            await response.Body.WriteAsync(body);
        });
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            return Results.Text(request.ContentType + " " + await reader.ReadToEndAsync());
        });
    });
}
