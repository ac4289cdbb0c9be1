using System.ComponentModel;
using System.Net;
using System.Runtime.ExceptionServices;
using Refit;

namespace Clients.Core.Wire;

/// <summary>
/// Sends the requests built by the client implementations the Clients generator emits for provider interfaces, and turns
/// each response into the method's result: the semantics of Refit's own generated runner (its exception, transport
/// exception and deserialization exception factories, its content serializer, its handling of <see cref="string"/>,
/// empty and <c>204</c> bodies, request buffering, request-content capture and authorization-header getter), in one
/// asynchronous frame instead of Refit's nested ones. Called by generated code; not meant to be called directly.
/// </summary>
/// <remarks>
/// The generated implementations build each request with Refit's own public helpers (path, query, headers, body,
/// request options), so a request is the one Refit's stub would send, byte for byte; only the sending differs. A test
/// compares both on every method of every provider interface.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedRequestSender
{
    private const string DeserializationErrorMessage = "An error occured deserializing the response.";

    /// <summary>Sends a request whose method returns no value; a failed response throws the provider's exception.</summary>
    /// <param name="client">The client of the interface (its base address set).</param>
    /// <param name="request">The request; disposed here.</param>
    /// <param name="settings">The provider's Refit settings.</param>
    /// <param name="bufferBody">Whether to buffer the request body before sending it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the response has been checked.</returns>
    /// <exception cref="InvalidOperationException">The client has no base address.</exception>
    public static async Task SendVoidAsync(HttpClient client, HttpRequestMessage request, RefitSettings settings, bool bufferBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ThrowIfBaseAddressMissing(client);
        using (request)
        {
            if (NeedsPreparation(request, settings, bufferBody))
            {
                await PrepareAsync(request, settings, bufferBody, cancellationToken).ConfigureAwait(false);
            }

            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var exception = await settings.ExceptionFactory(response).ConfigureAwait(false);
            if (exception is not null)
            {
                throw exception;
            }
        }
    }

    /// <summary>Sends a request and deserializes its response body into <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The method's result type.</typeparam>
    /// <param name="client">The client of the interface (its base address set).</param>
    /// <param name="request">The request; disposed here.</param>
    /// <param name="settings">The provider's Refit settings.</param>
    /// <param name="bufferBody">Whether to buffer the request body before sending it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deserialized body; <see langword="default"/> for a <c>204</c> or an empty body.</returns>
    /// <exception cref="InvalidOperationException">The client has no base address.</exception>
    public static async Task<T> SendAsync<T>(HttpClient client, HttpRequestMessage request, RefitSettings settings, bool bufferBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        ThrowIfBaseAddressMissing(client);
        using (request)
        {
            HttpResponseMessage? response = null;
            var disposeResponse = true;
            try
            {
                if (NeedsPreparation(request, settings, bufferBody))
                {
                    await PrepareAsync(request, settings, bufferBody, cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception transport)
                {
                    var surfaced = settings.TransportExceptionFactory?.Invoke(request, transport, cancellationToken) ?? transport;
                    if (surfaced is ApiExceptionBase)
                    {
                        throw surfaced;
                    }

                    ExceptionDispatchInfo.Capture(surfaced).Throw();
                    throw;
                }

                var failure = await settings.ExceptionFactory(response).ConfigureAwait(false);
                if (failure is not null)
                {
                    // The exception owns the response from here on.
                    disposeResponse = false;
                    throw failure;
                }

                try
                {
                    return (await ReadAsync<T>(response, settings, cancellationToken).ConfigureAwait(false))!;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception deserialization)
                {
                    if (settings.DeserializationExceptionFactory is not null)
                    {
                        var custom = await settings.DeserializationExceptionFactory(response, deserialization).ConfigureAwait(false);
                        if (custom is not null)
                        {
                            throw custom;
                        }

                        return default!;
                    }

                    throw await ApiException.Create(DeserializationErrorMessage, request, request.Method, response, settings, deserialization).ConfigureAwait(false);
                }
            }
            finally
            {
                if (disposeResponse)
                {
                    response?.Dispose();
                }
            }
        }
    }

    private static async ValueTask<T?> ReadAsync<T>(HttpResponseMessage response, RefitSettings settings, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (typeof(T) == typeof(string))
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream);
                return (T)(object)await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (response.StatusCode == HttpStatusCode.NoContent || content.Headers.ContentLength == 0)
        {
            return default;
        }

        try
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // As Refit: a body that cannot be buffered is still handed to the serializer, which reports what is wrong.
        }

        return await settings.ContentSerializer.FromHttpContentAsync<T>(content, cancellationToken).ConfigureAwait(false);
    }

    private static bool NeedsPreparation(HttpRequestMessage request, RefitSettings settings, bool bufferBody) =>
        (request.Content is not null && (bufferBody || settings.CaptureRequestContent)) || settings.AuthorizationHeaderValueGetter is not null;

    private static async Task PrepareAsync(HttpRequestMessage request, RefitSettings settings, bool bufferBody, CancellationToken cancellationToken)
    {
        if (bufferBody && request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        if (settings.CaptureRequestContent && request.Content is not null)
        {
            var captured = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            GeneratedRequestRunner.AddRequestProperty(request, HttpRequestMessageOptions.RequestContent, captured);
        }

        if (settings.AuthorizationHeaderValueGetter is { } getter
            && request.Headers.Authorization is { } authorization
            && string.IsNullOrWhiteSpace(authorization.Parameter))
        {
            var token = await getter(request, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(authorization.Scheme, token);
        }
    }

    private static void ThrowIfBaseAddressMissing(HttpClient client)
    {
        if (client.BaseAddress is null)
        {
            throw new InvalidOperationException("BaseAddress must be set on the HttpClient instance");
        }
    }
}
