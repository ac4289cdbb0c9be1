using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Hosting;

/// <summary>
/// Drift mode for an emulator whose answers are written by hand (Optimum, Origami): a middleware finds the operation of
/// the provider's OpenAPI document a call matches and lets <see cref="SandboxDrift"/> change its JSON answer.
/// </summary>
public sealed class SandboxDriftDocument
{
    private const string SchemaPrefix = "#/components/schemas/";
    private readonly JsonElement _root;
    private readonly string _prefix;
    private readonly List<(string Method, string[] Segments, JsonElement Schema)> _operations = [];

    /// <summary>Reads an OpenAPI 3 document.</summary>
    /// <param name="openApi">The document's bytes.</param>
    public SandboxDriftDocument(byte[] openApi)
    {
        _root = JsonDocument.Parse(openApi).RootElement;
        _prefix = _root.TryGetProperty("servers", out var servers) && servers.ValueKind == JsonValueKind.Array && servers.GetArrayLength() > 0
                  && servers[0].TryGetProperty("url", out var url) && url.GetString() is { } text
                  && Uri.TryCreate(text.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.AbsolutePath.TrimEnd('/')
            : string.Empty;
        foreach (var path in _root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind == JsonValueKind.Object && ResponseSchema(operation.Value) is { } schema)
                {
                    _operations.Add((operation.Name.ToUpperInvariant(), path.Name.Trim('/').Split('/'), schema));
                }
            }
        }
    }

    /// <summary>Adds the drift middleware to an emulator's pipeline (before its endpoints).</summary>
    /// <param name="app">The emulator's application.</param>
    /// <param name="mode">Read on every request, so tests can switch drift on and off while the emulator runs.</param>
    public void Use(WebApplication app, Func<SandboxDriftMode> mode)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(mode);
        app.Use(async (context, next) =>
        {
            var current = mode();
            if (current == SandboxDriftMode.None || Find(context.Request.Method, context.Request.Path.Value ?? string.Empty) is not { } schema)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = original;
            }

            var bytes = buffer.ToArray();
            if (context.Response.StatusCode is >= 200 and < 300
                && context.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
                && bytes.Length > 0)
            {
                var drifted = SandboxDrift.Apply(JsonNode.Parse(bytes), schema, Resolve, current);
                bytes = System.Text.Encoding.UTF8.GetBytes(drifted?.ToJsonString(SandboxJson.Options) ?? "null");
                context.Response.ContentLength = bytes.Length;
            }

            await original.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        });
    }

    /// <summary>Follows a local <c>#/components/schemas/...</c> reference.</summary>
    /// <param name="schema">A schema, maybe a reference.</param>
    /// <returns>The schema it names, or <paramref name="schema"/>.</returns>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 32 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
                           && reference.GetString() is { } text && text.StartsWith(SchemaPrefix, StringComparison.Ordinal); hops++)
        {
            if (!_root.GetProperty("components").GetProperty("schemas").TryGetProperty(text[SchemaPrefix.Length..], out schema))
            {
                break;
            }
        }

        return schema;
    }

    private JsonElement? Find(string method, string path)
    {
        if (!path.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var segments = path[_prefix.Length..].Trim('/').Split('/');
        // The most literal template wins (/sellers/legal_types before /sellers/{id}).
        return _operations
            .Where(o => o.Method == method && o.Segments.Length == segments.Length
                        && o.Segments.Zip(segments).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(o => o.Segments.Count(s => s.StartsWith('{')))
            .Select(o => (JsonElement?)o.Schema)
            .FirstOrDefault();
    }

    private static JsonElement? ResponseSchema(JsonElement operation)
    {
        if (!operation.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var response in responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (response.Value.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object)
            {
                foreach (var media in content.EnumerateObject())
                {
                    if (media.Name.Contains("json", StringComparison.OrdinalIgnoreCase) && media.Value.TryGetProperty("schema", out var schema))
                    {
                        return schema;
                    }
                }
            }
        }

        return null;
    }
}
