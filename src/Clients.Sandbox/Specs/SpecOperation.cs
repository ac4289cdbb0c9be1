using System.Text.Json;

namespace Clients.Sandbox.Specs;

/// <summary>
/// One operation of a document: its method, its path, its parameters (path-level and operation-level merged, the
/// operation's winning on the same name and location, <c>$ref</c>s resolved), its request body and its success answer.
/// </summary>
internal sealed class SpecOperation
{
    public SpecOperation(string method, SpecRoute route, JsonElement element, IReadOnlyList<JsonElement> parameters, JsonElement? requestBody, SpecSuccess success)
    {
        Method = method;
        Route = route;
        Element = element;
        Parameters = parameters;
        RequestBody = requestBody;
        Success = success;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path the operation belongs to.</summary>
    public SpecRoute Route { get; }

    /// <summary>The operation object as written in the document.</summary>
    public JsonElement Element { get; }

    /// <summary>The parameters, resolved.</summary>
    public IReadOnlyList<JsonElement> Parameters { get; }

    /// <summary>The request body object, resolved, when the operation has one.</summary>
    public JsonElement? RequestBody { get; }

    /// <summary>What a successful call answers.</summary>
    public SpecSuccess Success { get; }
}

/// <summary>The success answer of an operation: the lowest documented 2xx (200 when none), its media type and schema.</summary>
/// <param name="Status">The status code.</param>
/// <param name="MediaType">The media type of the answer, or null when it has no body.</param>
/// <param name="Schema">The answer's schema, when the media type declares one.</param>
internal readonly record struct SpecSuccess(int Status, string? MediaType, JsonElement? Schema);
