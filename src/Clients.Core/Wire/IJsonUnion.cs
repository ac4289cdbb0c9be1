using System.Text.Json;

namespace Clients.Core.Wire;

/// <summary>
/// A generated type for a schema that is one of several alternatives (<c>oneOf</c>/<c>anyOf</c>) with no discriminator
/// telling them apart: it keeps the JSON as received and offers one typed <c>TryGet…</c> per alternative.
/// </summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
public interface IJsonUnion<TSelf>
    where TSelf : JsonUnion, IJsonUnion<TSelf>
{
    /// <summary>Wraps JSON as received.</summary>
    /// <param name="json">The JSON value.</param>
    /// <param name="options">The options it was read with (the alternatives are read with them on demand).</param>
    /// <returns>The wrapper.</returns>
    static abstract TSelf FromJson(JsonElement json, JsonSerializerOptions options);
}
