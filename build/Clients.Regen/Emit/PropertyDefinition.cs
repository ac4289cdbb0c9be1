using System.Text.Json;

namespace Clients.Regen.Emit;

/// <summary>One property of an object contract; its schema is mapped to a C# type when emitted.</summary>
internal sealed record PropertyDefinition(string WireName, JsonElement Schema, SpecDocument Document, bool Required, string? Description);
