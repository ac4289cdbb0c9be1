using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Refit;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>
/// Compares the generator's implementation of an interface with Refit's own stub for it (the oracle): every method is
/// called through both over the same capturing handler with the same arguments (every optional parameter set, strings
/// that need escaping, two-element collections) and must put the same request on the wire (method, URI, headers,
/// content headers and type, body bytes, Refit's request options) and end the same way (result as JSON, or exception
/// type, status, message, content and inner exception type) for each of six endings: a body, a <c>204</c>, a <c>404</c>
/// with an error body, a body that is not JSON, a transport failure, a call cancelled before it starts.
/// Shared by <c>GeneratedClientParityTests</c> (the committed provider interfaces) and the catalogue sweep (every
/// mirrored OVH universe).
/// </summary>
internal static class GeneratedClientParity
{
    public static readonly Uri BaseAddress = new("https://api.parity.test/1.0/");

    public static int Endings => Enum.GetValues<Scenario>().Length;

    public static async Task<ParityResult> CompareAsync(Type api, Type implementation, RefitSettings settings)
    {
        var methods = api.GetMethods().Concat(api.GetInterfaces().SelectMany(i => i.GetMethods())).ToList();
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var method in methods)
        {
            foreach (var scenario in Enum.GetValues<Scenario>())
            {
                var refit = await CallAsync(method, scenario, handler => RestService.ForGenerated(api, new HttpClient(handler) { BaseAddress = BaseAddress }, settings));
                var ours = await CallAsync(method, scenario, handler => Activator.CreateInstance(implementation, new HttpClient(handler) { BaseAddress = BaseAddress }, settings)!);
                if (ours != refit)
                {
                    mismatches.Add($"{api.Name}.{method.Name}, {scenario}:\n  Refit's stub: {refit}\n  generated:    {ours}");
                }

                compared++;
            }
        }

        return new ParityResult(methods.Count, compared, mismatches);
    }

    private enum Scenario
    {
        Body,
        NoContent,
        NotFound,
        NotJson,
        TransportFailure,
        Cancelled,
    }

    private static async Task<Outcome> CallAsync(MethodInfo method, Scenario scenario, Func<HttpMessageHandler, object> create)
    {
        var handler = new CapturingHandler(scenario, method.ReturnType);
        var client = create(handler);
        using var cancellation = new CancellationTokenSource();
        if (scenario == Scenario.Cancelled)
        {
            await cancellation.CancelAsync();
        }

        var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? cancellation.Token : Sample(p.ParameterType, p.Name!)).ToArray();
        string? result = null;
        string? exception = null;
        try
        {
            var task = (Task)method.Invoke(client, arguments)!;
            await task;
            if (method.ReturnType.IsGenericType)
            {
                var value = method.ReturnType.GetProperty(nameof(Task<int>.Result))!.GetValue(task);
                result = value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), JsonOptions);
            }
        }
        catch (Exception e)
        {
            exception = Describe(e);
        }

        return new Outcome(handler.Request, result, exception);
    }

    private static string Describe(Exception e) => e switch
    {
        ApiException api => $"{api.GetType().FullName}: {api.StatusCode} {api.Message} | {api.Content} | inner: {api.InnerException?.GetType().FullName}",
        _ => $"{e.GetType().FullName}: {e.Message} | inner: {e.InnerException?.GetType().FullName}",
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record Outcome(string? Request, string? Result, string? Exception);

    private sealed class CapturingHandler(Scenario scenario, Type returnType) : HttpMessageHandler
    {
        public string? Request { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = new StringBuilder();
            text.Append(request.Method).Append(' ').Append(request.RequestUri).Append(" HTTP/").Append(request.Version).Append('\n');
            foreach (var header in request.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                text.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append('\n');
            }

            if (request.Content is not null)
            {
                var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
                foreach (var header in request.Content.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
                {
                    text.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append('\n');
                }

                text.Append(request.Content.GetType().Name).Append(' ').Append(Convert.ToBase64String(body)).Append('\n');
            }

            foreach (var option in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                text.Append("option ").Append(option.Key).Append(" = ").Append(option.Value switch
                {
                    object?[] values => string.Join(", ", values.Select(v => v is null ? "null" : JsonSerializer.Serialize(v, v.GetType(), JsonOptions))),
                    Type type => type.FullName,
                    var value => value?.ToString(),
                }).Append('\n');
            }

            Request = text.ToString();
            return scenario switch
            {
                Scenario.NoContent => new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request },
                Scenario.NotFound => Json(HttpStatusCode.NotFound, "{\"message\":\"The requested object does not exist\",\"class\":\"Client::NotFound\",\"httpCode\":\"404 Not Found\",\"errorCode\":\"NOT_FOUND\"}", request),
                Scenario.NotJson => Json(HttpStatusCode.OK, "<html>not json</html>", request),
                Scenario.TransportFailure => throw new HttpRequestException("connection reset by the parity test"),
                _ => Json(HttpStatusCode.OK, SampleBody(returnType), request),
            };
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body, HttpRequestMessage request) => new(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }

    // A body of the method's result type: the JSON of a sample value (every settable property set where the sample can).
    private static string SampleBody(Type returnType)
    {
        if (!returnType.IsGenericType)
        {
            return string.Empty;
        }

        var type = returnType.GetGenericArguments()[0];
        if (type == typeof(string))
        {
            return "\"text answered by the provider\"";
        }

        var value = Sample(type, "body");
        return JsonSerializer.Serialize(value, type, JsonOptions);
    }

    private static object? Sample(Type type, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Sample(underlying, name);
        }

        if (type == typeof(string))
        {
            return $"{name} a/b ç?&=#%";
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
        {
            return Convert.ChangeType(42, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return Convert.ChangeType(1.5, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 12, 2, 3, 4, 5, TimeSpan.FromHours(1));
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2026, 12, 2, 3, 4, 5, DateTimeKind.Utc);
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(2026, 12, 2);
        }

        if (type == typeof(TimeOnly))
        {
            return new TimeOnly(3, 4, 5);
        }

        if (type == typeof(Guid))
        {
            return Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromMinutes(90);
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("{\"any\":[1,\"two\"]}").RootElement.Clone();
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsValueType && type.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == type) is { } known)
        {
            return known.GetValue(null); // an open enum: its first known value
        }

        if (type.IsArray)
        {
            return TwoOf(type.GetElementType()!, name);
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 1
            && typeof(System.Collections.IEnumerable).IsAssignableFrom(type.GetGenericTypeDefinition().MakeGenericType(typeof(object))))
        {
            var element = type.GetGenericArguments()[0];
            var array = TwoOf(element, name);
            return type.IsInterface ? array : Activator.CreateInstance(type, array);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
        {
            var arguments = type.GetGenericArguments();
            var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            dictionary.Add(Sample(arguments[0], "key")!, Sample(arguments[1], name));
            return dictionary;
        }

        if (type == typeof(object))
        {
            return "object";
        }

        // A contract: created without its constructor; its properties stay unset (nulls are left out of bodies).
        return type.GetConstructor(Type.EmptyTypes) is { } constructor ? constructor.Invoke(null) : RuntimeHelpers.GetUninitializedObject(type);
    }

    private static Array TwoOf(Type element, string name)
    {
        var array = Array.CreateInstance(element, 2);
        array.SetValue(Sample(element, name + "0"), 0);
        array.SetValue(Sample(element, name + "1"), 1);
        return array;
    }

}

/// <summary>What <see cref="GeneratedClientParity.CompareAsync"/> found.</summary>
/// <param name="Methods">Methods of the interface (own and inherited).</param>
/// <param name="Compared">Calls compared (methods × endings).</param>
/// <param name="Mismatches">Each difference, with both sides.</param>
internal sealed record ParityResult(int Methods, int Compared, IReadOnlyList<string> Mismatches);
