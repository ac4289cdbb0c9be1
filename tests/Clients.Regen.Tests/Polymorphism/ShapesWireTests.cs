using System.Collections;
using System.Reflection;
using System.Text;
using Clients.Core.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clients.Regen.Tests.Polymorphism;

/// <summary>
/// The generated interfaces of the shapes fixture, implemented by Refit's generated stubs with the provider's Refit
/// settings, against a loopback server: a polymorphic body (known and unknown subtype) goes out and comes back byte for
/// byte; a multipart upload sends one part per property (binary parts as files, typed fields as text); a form body is
/// sent URL-encoded with the project's wire formatting.
/// </summary>
public sealed class ShapesWireTests(ShapesFixture shapes) : IClassFixture<ShapesFixture>, IAsyncLifetime
{
    private WebApplication _server = null!;
    private HttpClient _http = null!;
    private readonly List<(string Path, string? ContentType, byte[] Body)> _received = [];
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string FileName, string Content)> _files = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.Run(async context =>
        {
            using var buffer = new MemoryStream();
            context.Request.EnableBuffering();
            await context.Request.Body.CopyToAsync(buffer);
            context.Request.Body.Position = 0;
            _received.Add((context.Request.Path, context.Request.ContentType, buffer.ToArray()));
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync();
                foreach (var (key, value) in form)
                {
                    _fields[key] = value.ToString();
                }

                foreach (var file in form.Files)
                {
                    using var reader = new StreamReader(file.OpenReadStream());
                    _files[file.Name] = (file.FileName, await reader.ReadToEndAsync());
                }
            }

            context.Response.ContentType = "application/json";
            var answer = context.Request.Path.Value switch
            {
                "/shapes" when context.Request.Method == "POST" => buffer.ToArray(),
                "/shapes" => Encoding.UTF8.GetBytes("""[{"TypeName":"Circle","radius":1},{"TypeName":"Hexagon","sides":6}]"""),
                "/shapes/search" => "[]"u8.ToArray(),
                _ => [],
            };
            await context.Response.Body.WriteAsync(answer);
        });
        await _server.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_server.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_polymorphic_body_of_a_known_and_an_unknown_subtype_goes_out_and_comes_back_byte_for_byte()
    {
        var api = Client("IOptimumShapesApi");
        foreach (var wire in new[]
                 {
                     """{"TypeName":"Rectangle","name":"r","width":2.5,"height":3}""",
                     """{"TypeName":"Hexagon","name":"h","sides":6}""",
                 })
        {
            var shape = shapes.Read(wire, "Shape");
            var echoed = await Call(api, "CreateShapeAsync", shape);

            Encoding.UTF8.GetString(_received[^1].Body).Should().Be(wire);
            echoed!.GetType().Should().Be(shape.GetType());
            shapes.Write(echoed, "Shape").Should().Be(wire);
        }

        var list = (IEnumerable)(await Call(api, "ListShapesAsync"))!;
        list.Cast<object>().Select(s => s.GetType().Name).Should().Equal("Circle", "Shape");
    }

    [Fact]
    public async Task A_multipart_upload_sends_one_part_per_property()
    {
        var api = Client("IOptimumFilesApi");
        using var picture = new MemoryStream("PNG-BYTES"u8.ToArray());
        var takenAt = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));

        await Call(api, "UploadPictureAsync", 7, new Refit.StreamPart(picture, "p.png", "image/png"),
            new Refit.ByteArrayPart("THUMB"u8.ToArray(), "t.png"), "A caption", 640, takenAt);

        _received[^1].Path.Should().Be("/shapes/7/picture");
        _received[^1].ContentType.Should().StartWith("multipart/form-data");
        _files["File"].Should().Be(("p.png", "PNG-BYTES"));
        _files["Thumbnail"].Should().Be(("t.png", "THUMB"));
        _fields["Caption"].Should().Be("A caption");
        _fields["Width"].Should().Be("640");
        _fields["TakenAt"].Should().Be("2025-03-04T05:06:07+02:00");
    }

    [Fact]
    public async Task Optional_multipart_parts_left_null_are_not_sent()
    {
        var api = Client("IOptimumFilesApi");

        await Call(api, "UploadPictureAsync", 8, new Refit.ByteArrayPart("X"u8.ToArray(), "x.bin"), null, null, null, null);

        _files.Keys.Should().Equal("File");
        _fields.Should().BeEmpty();
    }

    [Fact]
    public async Task A_form_body_is_sent_url_encoded_with_the_wire_formatting()
    {
        var api = Client("IOptimumFilesApi");
        var request = Activator.CreateInstance(shapes.Model("SearchShapesRequest"))!;
        request.GetType().GetProperty("Query")!.SetValue(request, "red circles & squares");
        request.GetType().GetProperty("MaxResults")!.SetValue(request, 5);
        request.GetType().GetProperty("Exact")!.SetValue(request, true);

        await Call(api, "SearchShapesAsync", request);

        _received[^1].ContentType.Should().StartWith("application/x-www-form-urlencoded");
        Encoding.UTF8.GetString(_received[^1].Body).Should().Be("query=red+circles+%26+squares&max_results=5&exact=true");
    }

    private object Client(string name)
    {
        var type = shapes.Assembly.GetType("Clients.Optimum." + name)!;
        // Refit finds a stub by its assembly-qualified name (Type.GetType), which does not see an assembly loaded into a
        // collectible context: the stub Refit generated for the interface is created directly, as ForGenerated would.
        var settings = ProviderRefitSettings.Create(shapes.Context, (_, _) => ValueTask.FromResult<Exception?>(null));
        var stub = shapes.Assembly.GetTypes().Single(t => t.IsClass && type.IsAssignableFrom(t));
        return Activator.CreateInstance(stub, _http, settings)!;
    }

    private static async Task<object?> Call(object api, string method, params object?[] arguments)
    {
        var info = api.GetType().GetInterfaces().Select(i => i.GetMethod(method)).First(m => m is not null)!;
        var all = arguments.Concat(Enumerable.Repeat(Type.Missing, info.GetParameters().Length - arguments.Length))
            .Select((a, i) => a == Type.Missing ? info.GetParameters()[i].DefaultValue : a)
            .ToArray();
        var task = (Task)info.Invoke(api, BindingFlags.Default, null, all, null)!;
        await task;
        return info.ReturnType.IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }
}
