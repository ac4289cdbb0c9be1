using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Clients.Core;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Clients.Catalogue.Tests.AllOperations;

/// <summary>How a call ended.</summary>
internal enum CallOutcome
{
    /// <summary>A success answer, deserialized.</summary>
    Succeeded,

    /// <summary>The server refused it (404 for a sample id that does not exist, …) and the client raised the provider's typed API exception from that response.</summary>
    ServerAnswered,

    /// <summary>The strict emulator answered 400: the client put a valid argument on the wire wrongly (a client defect, like <c>?default=True</c>).</summary>
    Malformed,

    /// <summary>An exception on the client side: building or sending the request, serializing its body, or reading a success answer.</summary>
    ClientSide,
}

/// <summary>One generated method called once.</summary>
internal sealed record CallResult(string Interface, string Method, string Verb, string Path, CallOutcome Outcome, string Detail)
{
    public override string ToString() => $"{Verb} {Path} ({Interface}.{Method}): {Outcome}: {Detail}";
}

/// <summary>
/// Calls every method of generated Refit interfaces once, through the clients a consumer resolves from its container
/// (so through the real Refit stubs, the provider's Refit settings and its authentication handler), with arguments
/// built from the operation's schemas, every optional parameter set too; and sorts out what went wrong on which side.
/// </summary>
internal static class OperationSweep
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <param name="services">The consumer's container.</param>
    /// <param name="interfaces">The generated interfaces.</param>
    /// <param name="operations">The documents they were generated from.</param>
    /// <param name="runLast">Operations that change the caller's own session (OVH's <c>/auth/logout</c>): called one by one after all the others.</param>
    public static async Task<IReadOnlyList<CallResult>> RunAsync(
        IServiceProvider services, IEnumerable<Type> interfaces, OperationIndex operations, Func<string, bool>? runLast = null, int parallelism = 8)
    {
        var calls = interfaces
            .SelectMany(api => api.GetMethods().Select(method => (Api: api, Method: method, Http: method.GetCustomAttribute<HttpMethodAttribute>())))
            .Where(c => c.Http is not null)
            .OrderBy(c => c.Api.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Method.Name, StringComparer.Ordinal)
            .ToList();
        var results = new ConcurrentBag<CallResult>();
        var last = calls.Where(c => runLast?.Invoke(c.Http!.Path) == true).ToList();
        await Parallel.ForEachAsync(
            calls.Except(last),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (call, _) => results.Add(await CallAsync(services, call.Api, call.Method, call.Http!, operations)));
        foreach (var call in last)
        {
            results.Add(await CallAsync(services, call.Api, call.Method, call.Http!, operations));
        }

        return results.OrderBy(r => r.Interface, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();
    }

    private static async Task<CallResult> CallAsync(IServiceProvider services, Type api, MethodInfo method, HttpMethodAttribute http, OperationIndex operations)
    {
        var verb = http.Method.Method;
        CallResult Result(CallOutcome outcome, string detail) => new(api.Name, method.Name, verb, http.Path, outcome, detail);
        var operation = operations.Find(verb, http.Path);
        if (operation is null)
        {
            return Result(CallOutcome.ClientSide, "no operation of the documents has this method and path");
        }

        using var timeout = new CancellationTokenSource(CallTimeout);
        object?[] arguments;
        try
        {
            arguments = method.GetParameters().Select(p => Argument(p, operation, timeout.Token)).ToArray();
        }
        catch (Exception exception)
        {
            return Result(CallOutcome.ClientSide, "the sweep could not build an argument: " + Describe(exception));
        }

        try
        {
            var client = services.GetRequiredService(api);
            await ((Task)method.Invoke(client, arguments)!).ConfigureAwait(false);
            return Result(CallOutcome.Succeeded, "");
        }
        catch (Exception exception)
        {
            var (outcome, detail) = Classify(exception is TargetInvocationException { InnerException: { } inner } ? inner : exception, timeout.IsCancellationRequested);
            return Result(outcome, detail);
        }
    }

    private static object? Argument(ParameterInfo parameter, SpecOperation operation, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.GetCustomAttribute<BodyAttribute>() is not null)
        {
            return SampleValues.For(parameter.ParameterType, operation.Root, operation.BodySchema, "body");
        }

        var wireName = parameter.GetCustomAttribute<AliasAsAttribute>()?.Name
            ?? parameter.GetCustomAttribute<HeaderAttribute>()?.Header
            ?? parameter.Name!;
        var schema = operation.Parameter(wireName) is { } declared && declared.TryGetProperty("schema", out var s) ? s : (System.Text.Json.JsonElement?)null;
        return SampleValues.For(parameter.ParameterType, operation.Root, schema, wireName);
    }

    private static (CallOutcome, string) Classify(Exception exception, bool timedOut) => exception switch
    {
        ClientApiException { InnerException: null, StatusCode: System.Net.HttpStatusCode.BadRequest } api => (CallOutcome.Malformed, "400 " + Shorten(api.Content)),
        ClientApiException { InnerException: null } api => (CallOutcome.ServerAnswered, ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        OperationCanceledException when timedOut => (CallOutcome.ClientSide, $"no answer within {CallTimeout.TotalSeconds:0} s"),
        _ => (CallOutcome.ClientSide, Describe(exception)),
    };

    private static string Describe(Exception exception)
    {
        var text = new StringBuilder(exception.GetType().Name).Append(": ").Append(Shorten(exception.Message));
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            text.Append(" → ").Append(inner.GetType().Name).Append(": ").Append(Shorten(inner.Message));
        }

        return text.ToString();
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>The figures: per verb, operations, successes, server answers (by status), malformed and client-side failures; then each failure.</summary>
    public static string Report(string provider, IReadOnlyList<CallResult> results, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"{provider}: {results.Count} operations called in {elapsed.TotalSeconds:0.0} s");
        text.AppendLine("| verb | operations | succeeded | server answered (status: count) | malformed (400) | client-side exceptions |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var group in results.GroupBy(r => r.Verb).OrderBy(g => g.Key, StringComparer.Ordinal).Append(results.GroupBy(_ => "total").Single()))
        {
            var answered = string.Join(", ", group.Where(r => r.Outcome == CallOutcome.ServerAnswered).GroupBy(r => r.Detail).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
            text.AppendLine($"| {group.Key} | {group.Count()} | {group.Count(r => r.Outcome == CallOutcome.Succeeded)} | {(answered.Length == 0 ? "0" : answered)} | "
                            + $"{group.Count(r => r.Outcome == CallOutcome.Malformed)} | {group.Count(r => r.Outcome == CallOutcome.ClientSide)} |");
        }

        foreach (var answered in results.Where(r => r.Outcome == CallOutcome.ServerAnswered))
        {
            text.AppendLine("  server answered: " + answered);
        }

        foreach (var failure in results.Where(r => r.Outcome is CallOutcome.Malformed or CallOutcome.ClientSide))
        {
            text.AppendLine("  FAILED: " + failure);
        }

        return text.ToString();
    }

    /// <summary>One line for the CI log.</summary>
    public static string Summary(string provider, IReadOnlyList<CallResult> results) =>
        $"all-operations {provider}: {results.Count} operations ("
        + string.Join(", ", results.GroupBy(r => r.Verb).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))
        + $"), {results.Count(r => r.Outcome == CallOutcome.Succeeded)} succeeded, {results.Count(r => r.Outcome == CallOutcome.ServerAnswered)} server refusals, "
        + $"{results.Count(r => r.Outcome == CallOutcome.Malformed)} malformed, {results.Count(r => r.Outcome == CallOutcome.ClientSide)} client-side exceptions";
}
