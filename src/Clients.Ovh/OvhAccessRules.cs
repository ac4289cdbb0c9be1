using System.Collections.Concurrent;
using System.ComponentModel;

namespace Clients.Ovh;

/// <summary>
/// The least-privilege access rules of OVH interfaces, computed by the source generator from each Refit method's verb
/// and path: request a consumer key with exactly the rules the code uses.
/// </summary>
/// <example><code>var rules = OvhAccessRules.For(typeof(IOvhDomainApi), typeof(IOvhMeApi));</code></example>
public static class OvhAccessRules
{
    private static readonly ConcurrentDictionary<Type, ConcurrentDictionary<string, ConcurrentDictionary<OvhAccessRule, bool>>> Manifest = new();

    /// <summary>The rules of every method of <typeparamref name="TApi"/>: duplicates merged, sorted by path then verb.</summary>
    /// <typeparam name="TApi">An interface marked <c>[OvhApi]</c>.</typeparam>
    /// <returns>The rules.</returns>
    /// <exception cref="InvalidOperationException">No manifest was generated for <typeparamref name="TApi"/>.</exception>
    public static IReadOnlyList<OvhAccessRule> For<TApi>()
        where TApi : class => For(typeof(TApi));

    /// <summary>The union of the rules of several interfaces: duplicates merged, sorted by path then verb.</summary>
    /// <param name="apis">Interfaces marked <c>[OvhApi]</c>.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="InvalidOperationException">No manifest was generated for one of <paramref name="apis"/>.</exception>
    public static IReadOnlyList<OvhAccessRule> For(params Type[] apis)
    {
        ArgumentNullException.ThrowIfNull(apis);
        return Sort(apis.SelectMany(api => Methods(api).Values.SelectMany(rules => rules.Keys)));
    }

    /// <summary>The rules of one method of <typeparamref name="TApi"/> (all its overloads).</summary>
    /// <typeparam name="TApi">An interface marked <c>[OvhApi]</c>.</typeparam>
    /// <param name="methodName">The method's name, for example <c>nameof(IOvhMeApi.GetMeAsync)</c>.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="InvalidOperationException">No manifest was generated for <typeparamref name="TApi"/> or the method.</exception>
    public static IReadOnlyList<OvhAccessRule> ForMethod<TApi>(string methodName)
        where TApi : class
    {
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        if (!Methods(typeof(TApi)).TryGetValue(methodName, out var rules))
        {
            throw new InvalidOperationException(
                $"The OVH access-rule manifest of '{typeof(TApi).FullName}' has no method '{methodName}'.");
        }

        return Sort(rules.Keys);
    }

    /// <summary>Adds one rule to the manifest. Called by generated code only.</summary>
    /// <param name="api">The interface.</param>
    /// <param name="method">The interface method's name.</param>
    /// <param name="httpMethod">The verb.</param>
    /// <param name="path">The rule path.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register(Type api, string method, string httpMethod, string path)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(httpMethod);
        ArgumentNullException.ThrowIfNull(path);
        Manifest.GetOrAdd(api, static _ => new(StringComparer.Ordinal))
            .GetOrAdd(method, static _ => new())
            .TryAdd(new OvhAccessRule(httpMethod, path), true);
    }

    private static ConcurrentDictionary<string, ConcurrentDictionary<OvhAccessRule, bool>> Methods(Type api)
    {
        ArgumentNullException.ThrowIfNull(api);

        // The manifest is registered by a module initializer of the assembly that declares the interface (the generated
        // surface has its own assembly): typeof(TApi) alone does not run it, so run it before concluding there is none.
        if (!Manifest.TryGetValue(api, out var methods)
            && !(RunModuleInitializer(api) && Manifest.TryGetValue(api, out methods)))
        {
            throw new InvalidOperationException(
                $"No OVH access-rule manifest was generated for '{api.FullName}': mark the interface [OvhApi] and let the Clients generator run on its project.");
        }

        return methods;
    }

    private static bool RunModuleInitializer(Type api)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(api.Module.ModuleHandle);
        return true;
    }

    private static OvhAccessRule[] Sort(IEnumerable<OvhAccessRule> rules) =>
        rules.Distinct()
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToArray();
}
