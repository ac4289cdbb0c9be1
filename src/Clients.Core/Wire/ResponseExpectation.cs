using System.Collections.Concurrent;
using System.Net;
using Clients.Core.Resilience;
using Refit;

namespace Clients.Core.Wire;

/// <summary>
/// What a call expects of its response, read from the request: a streamed body (a method returning
/// <see cref="Stream"/>, <see cref="HttpContent"/> or <see cref="HttpResponseMessage"/>, or a request marked with
/// <see cref="ClientsRequestOptions.StreamResponse"/>), raw text (<see cref="string"/>), or JSON (everything else).
/// The method is found from what every Refit request carries: <see cref="HttpRequestMessageOptions.RestMethodInfo"/>
/// (Refit's reflection stub), else the interface and method name (<see cref="HttpRequestMessageOptions.InterfaceType"/>,
/// <see cref="HttpRequestMessageOptions.MethodName"/>: Refit's generated stub and the Clients generator's
/// implementations), looked up once per method.
/// </summary>
internal static class ResponseExpectation
{
    private static readonly HttpRequestOptionsKey<RestMethodInfo> RestMethod = new(HttpRequestMessageOptions.RestMethodInfo);
    private static readonly HttpRequestOptionsKey<Type> InterfaceType = new(HttpRequestMessageOptions.InterfaceType);
    private static readonly HttpRequestOptionsKey<string> MethodName = new(HttpRequestMessageOptions.MethodName);
    private static readonly ConcurrentDictionary<(Type Interface, string Method), Kind> Kinds = new();

    private enum Kind
    {
        Json,
        Text,
        Stream,
    }

    /// <summary>Whether the caller reads the body as a stream: it must not be buffered.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for a streamed response.</returns>
    public static bool Streams(HttpRequestMessage? request) =>
        request is not null
        && ((request.Options.TryGetValue(ClientsRequestOptions.StreamResponse, out var streams) && streams) || KindOf(request) == Kind.Stream);

    /// <summary>Whether a JSON body is expected (not a stream, not raw text).</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> unless the method returns a stream, content, a response or a string.</returns>
    public static bool ExpectsJson(HttpRequestMessage? request) =>
        request is null || (!Streams(request) && KindOf(request) == Kind.Json);

    /// <summary>Whether a successful response carries an HTML page where JSON was expected (a proxy, portal or maintenance page).</summary>
    /// <param name="response">The response.</param>
    /// <returns><see langword="true"/> for an HTML page answering a JSON call.</returns>
    public static bool IsUnexpectedHtml(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content is not { } content
            || !content.Headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return false;
        }

        foreach (var value in values)
        {
            var mediaType = value.AsSpan();
            var semicolon = mediaType.IndexOf(';');
            mediaType = (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim();
            if (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
            {
                return ExpectsJson(response.RequestMessage);
            }
        }

        return false;
    }

    private static Kind KindOf(HttpRequestMessage request)
    {
        var options = request.Options;
        if (options.TryGetValue(RestMethod, out var method) && method is not null)
        {
            return Classify(method.ReturnType);
        }

        if (!options.TryGetValue(InterfaceType, out var api) || api is null || !options.TryGetValue(MethodName, out var name) || name is null)
        {
            return Kind.Json;
        }

        return Kinds.GetOrAdd((api, name), static key => Lookup(key.Interface, key.Method));
    }

    // A method name shared by overloads streams if any of them does (streaming is what Refit always did).
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The interface is the one the client was registered for, whose methods the Refit registration keeps; a method trimmed away is not called, and an interface whose methods cannot be read is treated as JSON (its bodies buffered), which is what every generated method returns.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As for IL2070.")]
    private static Kind Lookup(Type api, string name)
    {
        var kind = Kind.Json;
        foreach (var type in api.GetInterfaces().Prepend(api))
        {
            foreach (var method in type.GetMethods())
            {
                if (method.Name == name)
                {
                    var found = Classify(method.ReturnType);
                    kind = found > kind ? found : kind;
                }
            }
        }

        return kind;
    }

    private static Kind Classify(Type type)
    {
        while (type.IsGenericType && Unwraps(type.GetGenericTypeDefinition()))
        {
            type = type.GetGenericArguments()[0];
        }

        return type == typeof(Stream) || type == typeof(HttpContent) || type == typeof(HttpResponseMessage) ? Kind.Stream
            : type == typeof(string) ? Kind.Text
            : Kind.Json;
    }

    private static bool Unwraps(Type definition) =>
        definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IObservable<>)
        || definition == typeof(ApiResponse<>) || definition == typeof(IApiResponse<>);
}
