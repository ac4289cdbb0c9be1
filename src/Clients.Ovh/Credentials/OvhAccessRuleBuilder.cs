namespace Clients.Ovh;

/// <summary>
/// Builds the access rules of a credential request, with the official clients' helpers: method sets
/// (<see cref="OvhMethods"/>) and recursive rules that include the root path itself (<c>/sms</c> and <c>/sms/*</c>).
/// </summary>
/// <example><code>
/// var rules = new OvhAccessRuleBuilder()
///     .Add(OvhAccessRules.For&lt;IOvhMeApi&gt;())
///     .AddRecursive(OvhMethods.ReadOnly, "/domain")
///     .Build();
/// </code></example>
public sealed class OvhAccessRuleBuilder
{
    private readonly List<OvhAccessRule> _rules = new();
    private readonly HashSet<OvhAccessRule> _seen = new();

    /// <summary>Adds rules as they are (for example a generated <c>OvhAccessRules.For&lt;TApi&gt;()</c> manifest).</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>This builder.</returns>
    public OvhAccessRuleBuilder Add(IEnumerable<OvhAccessRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            AddOne(rule.Method, rule.Path);
        }

        return this;
    }

    /// <summary>Adds one rule per method for <paramref name="path"/> (python-ovh <c>add_rules</c>).</summary>
    /// <param name="methods">For example <see cref="OvhMethods.ReadWrite"/>.</param>
    /// <param name="path">The path, <c>*</c> for a path parameter, a trailing <c>*</c> for everything below.</param>
    /// <returns>This builder.</returns>
    public OvhAccessRuleBuilder Add(IEnumerable<string> methods, string path)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        foreach (var method in methods)
        {
            AddOne(method, path);
        }

        return this;
    }

    /// <summary>
    /// Adds rules for <paramref name="path"/> and everything below it: <c>/sms</c> gives <c>/sms</c> and <c>/sms/*</c>
    /// (python-ovh <c>add_recursive_rules</c>; a trailing <c>/</c> or <c>*</c> is ignored, and <c>/</c> gives <c>/*</c> only).
    /// </summary>
    /// <param name="methods">For example <see cref="OvhMethods.ReadOnly"/>.</param>
    /// <param name="path">The root path.</param>
    /// <returns>This builder.</returns>
    public OvhAccessRuleBuilder AddRecursive(IEnumerable<string> methods, string path)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(path);
        var root = path.TrimEnd('*', '/', ' ');
        var list = methods as IReadOnlyCollection<string> ?? methods.ToArray();
        if (root.Length > 0)
        {
            Add(list, root);
        }

        return Add(list, root + "/*");
    }

    /// <summary>The rules added, each once, in the order added.</summary>
    /// <returns>The rules.</returns>
    public IReadOnlyList<OvhAccessRule> Build() => _rules.ToArray();

    private void AddOne(string method, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var rule = new OvhAccessRule(method.Trim().ToUpperInvariant(), path);
        if (_seen.Add(rule))
        {
            _rules.Add(rule);
        }
    }
}
