using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Clients.Core.OAuth2;
using Refit;

namespace Clients.Core.Wire;

/// <summary>
/// The one way a provider's Refit settings are built: System.Text.Json with source-generated contracts (the provider's,
/// then those of the assemblies declaring their own interfaces; reflection only where reflection-based JSON is enabled,
/// never in trimmed or native AOT apps), response bodies deserialized from the bytes Refit has buffered (not through a
/// stream), nulls left out of request bodies, no HTML escaping, URL parameters through
/// <see cref="WireUrlParameterFormatter"/> (form fields through <see cref="WireFormUrlEncodedParameterFormatter"/>), error responses through the provider's exception factory, and token
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
        Func<HttpResponseMessage, RefitSettings, ValueTask<Exception?>> exceptionFactory) =>
        Create(generatedContracts, exceptionFactory, redactRequest: null);

    /// <summary>
    /// Creates the settings, with the provider's own secrets withheld from every request that escapes in an exception
    /// Refit builds (a transport failure's <c>ApiRequestException</c>, a deserialization error's <c>ApiException</c>).
    /// Secret headers are withheld by the authentication handlers themselves once a request has been sent; this is for
    /// what else the request carries (an option, a method argument).
    /// </summary>
    /// <param name="generatedContracts">The provider's generated <see cref="JsonSerializerContext"/>.</param>
    /// <param name="exceptionFactory">Turns a failed response into the provider's exception (the settings are passed back for content deserialization).</param>
    /// <param name="redactRequest">Removes the provider's secrets from a request that has been sent, or <see langword="null"/>.</param>
    /// <returns>The settings.</returns>
    public static RefitSettings Create(
        IJsonTypeInfoResolver generatedContracts,
        Func<HttpResponseMessage, RefitSettings, ValueTask<Exception?>> exceptionFactory,
        Action<HttpRequestMessage>? redactRequest)
    {
        ArgumentNullException.ThrowIfNull(generatedContracts);
        ArgumentNullException.ThrowIfNull(exceptionFactory);
        RefitSettings? settings = null;
        var json = CreateJsonOptions(generatedContracts);
        var serializer = new BufferedJsonContentSerializer(new SystemTextJsonContentSerializer(json), json);
        settings = new RefitSettings(serializer, urlParameterFormatter: WireUrlParameterFormatter.Instance, formUrlEncodedParameterFormatter: WireFormUrlEncodedParameterFormatter.Instance)
        {
            ExceptionFactory = response => exceptionFactory(response, settings!),
        };
        if (redactRequest is not null)
        {
            settings.DeserializationExceptionFactory = async (response, exception) =>
            {
                var request = response.RequestMessage ?? new HttpRequestMessage();
                redactRequest(request);
                return await ApiException.Create(DeserializationErrorMessage, request, request.Method, response, settings, exception).ConfigureAwait(false);
            };
        }

        settings.SurfaceTokenErrors();
        if (redactRequest is not null)
        {
            var surface = settings.TransportExceptionFactory!;
            settings.TransportExceptionFactory = (request, exception, cancellationToken) =>
            {
                redactRequest(request);
                return surface(request, exception, cancellationToken);
            };
        }

        return settings;
    }

    // Refit's own message for a body that does not deserialize.
    private const string DeserializationErrorMessage = "An error occured deserializing the response.";

    /// <summary>The JSON options the settings use (also what tests round-trip contracts with).</summary>
    /// <param name="generatedContracts">The provider's generated <see cref="JsonSerializerContext"/>.</param>
    /// <returns>New options.</returns>
    /// <remarks>
    /// Types are described by, in order: <paramref name="generatedContracts"/>; the source-generated contexts of the
    /// assemblies that declare their own interfaces (registered with <see cref="GeneratedClientRegistry.RegisterContracts"/> by the
    /// code the Clients generator emits there); and, only where reflection-based JSON is enabled
    /// (<see cref="JsonSerializer.IsReflectionEnabledByDefault"/>, which trimmed and native AOT apps turn off), reflection.
    /// In a trimmed or native AOT app a type none of the contexts describes fails with a <see cref="NotSupportedException"/>
    /// naming it, instead of being serialized from trimmed-away metadata.
    /// </remarks>
    public static JsonSerializerOptions CreateJsonOptions(IJsonTypeInfoResolver generatedContracts)
    {
        ArgumentNullException.ThrowIfNull(generatedContracts);
        return new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // JSON for an API, not for an HTML page: '+' (in every date-time offset), '<', '&' and non-ASCII letters go
            // out as themselves, like the providers' own answers, so what a client writes back matches what it read.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
                ? JsonTypeInfoResolver.Combine(generatedContracts, GeneratedClientRegistry.Contracts, ReflectionContracts())
                : JsonTypeInfoResolver.Combine(generatedContracts, GeneratedClientRegistry.Contracts),
        };
    }

    // The System.Text.Json feature switch decides, as it does for JsonSerializer's own defaults: the trimmer turns
    // JsonSerializer.IsReflectionEnabledByDefault into the constant false in trimmed and native AOT apps (the SDK sets
    // JsonSerializerIsReflectionEnabledByDefault=false for them unless the app opts back in) and removes the branch
    // that calls this method, so it never runs where the metadata it reads may have been trimmed away.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Called only when JsonSerializer.IsReflectionEnabledByDefault is true, which is false (and the call removed) in trimmed and native AOT apps unless the app explicitly enables reflection-based JSON, accepting its trimming requirements.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As for IL2026: not called in native AOT apps, where JsonSerializer.IsReflectionEnabledByDefault is false.")]
    private static DefaultJsonTypeInfoResolver ReflectionContracts() => new();
}
