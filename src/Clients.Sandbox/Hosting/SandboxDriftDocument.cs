using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Hosting;

/// <summary>
/// Drift mode for an emulator whose answers are written by hand (Optimum, Origami): a middleware finds the operation of
/// the provider's OpenAPI document a call matches (with the document-driven engine's routing) and lets
/// <see cref="SandboxDrift"/> change its JSON answer.
/// </summary>
public sealed class SandboxDriftDocument
{
    private readonly Specs.SpecDocument _document;

    /// <summary>Reads an OpenAPI 3 document.</summary>
    /// <param name="openApi">The document's bytes.</param>
    public SandboxDriftDocument(byte[] openApi) => _document = Specs.SpecDocument.Load("drift document", openApi);

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

    /// <summary>Follows a local <c>$ref</c> (and single-part <c>allOf</c> wrappers).</summary>
    /// <param name="schema">A schema, maybe a reference.</param>
    /// <returns>The schema it names, or <paramref name="schema"/>.</returns>
    public JsonElement Resolve(JsonElement schema) => _document.Resolve(schema);

    /// <summary>The success schema of the operation a call matches (the document's routing: the engine's).</summary>
    private JsonElement? Find(string method, string path)
    {
        var basePath = _document.BasePath;
        if (!path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return _document.Match(path[basePath.Length..], method.ToUpperInvariant(), out _) is { } route && route.Operations.TryGetValue(method.ToUpperInvariant(), out var operation)
            ? operation.Success.Schema
            : null;
    }
}
