using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>A request body or a success response: its JSON-ish media type and schema, when it has one.</summary>
internal sealed record BodyModel(bool Required, string? MediaType, JsonElement? Schema);
