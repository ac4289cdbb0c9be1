using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Clients.Core.OAuth2;
using Refit;

namespace Clients.Core.Wire;

/// <summary>
/// The one way a provider's Refit settings are built: System.Text.Json with the provider's generated contracts first
/// (reflection only for a consumer's own types), nulls left out of request bodies, no HTML escaping, URL parameters through
/// <see cref="WireUrlParameterFormatter"/>, error responses through the provider's exception factory, and token
/// failures surfaced as <see cref="OAuth2Exception"/>.
/// </summary>
public static class ProviderRefitSettings
{
    /// <summary>Creates the settings.</summary>
    /// <param name="generatedContracts">The provider's generated <see cref="JsonSerializerContext"/>.</param>
    /// <param name="exceptionFactory">Turns a failed response into the provider's exception (the settings are passed back for content deserialization).</param>
    /// <returns>The settings.</returns>
    public static RefitSettings Create(
        IJsonTypeInfoResolver generatedContracts,
        Func<HttpResponseMessage, RefitSettings, ValueTask<Exception?>> exceptionFactory)
    {
        ArgumentNullException.ThrowIfNull(generatedContracts);
        ArgumentNullException.ThrowIfNull(exceptionFactory);
        RefitSettings? settings = null;
        settings = new RefitSettings(new SystemTextJsonContentSerializer(CreateJsonOptions(generatedContracts)), urlParameterFormatter: WireUrlParameterFormatter.Instance)
        {
            ExceptionFactory = response => exceptionFactory(response, settings!),
        };
        return settings.SurfaceTokenErrors();
    }

    /// <summary>The JSON options the settings use (also what tests round-trip contracts with).</summary>
    /// <param name="generatedContracts">The provider's generated <see cref="JsonSerializerContext"/>.</param>
    /// <returns>New options.</returns>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The generated context resolves every provider contract first; the reflection resolver only serves types outside it (a consumer's own interfaces' DTOs), which a trimmed app must root itself. The packages CI step counts what reaches a trimmed consumer.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above: only types outside the generated context use reflection.")]
    public static JsonSerializerOptions CreateJsonOptions(IJsonTypeInfoResolver generatedContracts)
    {
        ArgumentNullException.ThrowIfNull(generatedContracts);
        return new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // JSON for an API, not for an HTML page: '+' (in every date-time offset), '<', '&' and non-ASCII letters go
            // out as themselves, like the providers' own answers, so what a client writes back matches what it read.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(generatedContracts, new DefaultJsonTypeInfoResolver()),
        };
    }
}
