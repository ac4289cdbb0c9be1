using System.Globalization;

namespace Clients.Origami;

/// <summary>
/// Chooses the user group an Origami call acts as (the <c>context</c> header), for one call or for a block of code.
/// </summary>
/// <remarks>
/// <para>Precedence, most specific first: a <c>context</c> header already on the request (a consumer interface with a
/// <c>[Header("context")]</c> parameter); <see cref="RequestOption"/> in the request's options (a Refit
/// <c>[Property(OrigamiContext.PropertyKey)]</c> parameter or an outer handler); the innermost <see cref="Use(string)"/>
/// scope; <see cref="OrigamiOptions.DefaultContext"/>.</para>
/// <para>The scope is an <see cref="AsyncLocal{T}"/>: it flows into awaited calls and tasks started inside it, and
/// needs no scoped DI services in the pooled handlers.</para>
/// </remarks>
public static class OrigamiContext
{
    /// <summary>The operator's user group.</summary>
    public const string Operator = "1";

    /// <summary>The name of the HTTP header.</summary>
    public const string HeaderName = "context";

    /// <summary>The key of the per-request option (for Refit's <c>[Property]</c>).</summary>
    public const string PropertyKey = "Clients.Origami.Context";

    private static readonly AsyncLocal<string?> Scoped = new();

    /// <summary>The per-request option that sets the context of one request.</summary>
    public static HttpRequestOptionsKey<string> RequestOption { get; } = new(PropertyKey);

    /// <summary>The context of the innermost active scope, or <see langword="null"/>.</summary>
    public static string? Current => Scoped.Value;

    /// <summary>Acts as <paramref name="userGroupId"/> until the returned scope is disposed.</summary>
    /// <param name="userGroupId">The user group id, for example a seller's group.</param>
    /// <returns>The scope; dispose it to restore the previous context.</returns>
    public static IDisposable Use(string userGroupId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userGroupId);
        var scope = new Scope(Scoped.Value);
        Scoped.Value = userGroupId;
        return scope;
    }

    /// <summary>Acts as <paramref name="userGroupId"/> until the returned scope is disposed.</summary>
    /// <param name="userGroupId">The user group id.</param>
    /// <returns>The scope.</returns>
    public static IDisposable Use(long userGroupId) => Use(userGroupId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets the context of one request (for handlers or code that builds requests).</summary>
    /// <param name="request">The request.</param>
    /// <param name="userGroupId">The user group id.</param>
    public static void SetFor(HttpRequestMessage request, string userGroupId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(userGroupId);
        request.Options.Set(RequestOption, userGroupId);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Scoped.Value = previous;
            }
        }
    }
}
