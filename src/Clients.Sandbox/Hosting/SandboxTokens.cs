using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Clients.Sandbox.Hosting;

/// <summary>Issued opaque tokens and their expiry, on the emulator's clock.</summary>
public sealed class SandboxTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentQueue<string> _issued = new();

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">The emulator's clock.</param>
    public SandboxTokens(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>Issues a new random token valid for <paramref name="lifetime"/>.</summary>
    /// <param name="prefix">A readable prefix.</param>
    /// <param name="lifetime">The lifetime.</param>
    /// <returns>The token.</returns>
    public string Issue(string prefix, TimeSpan lifetime)
    {
        var token = prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        _tokens[token] = _timeProvider.GetUtcNow() + lifetime;
        _issued.Enqueue(token);
        return token;
    }

    /// <summary>Whether <paramref name="token"/> was issued and has not expired or been revoked.</summary>
    /// <param name="token">The token.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public bool IsValid(string? token) =>
        token is not null && _tokens.TryGetValue(token, out var expiresAt) && _timeProvider.GetUtcNow() < expiresAt;

    /// <summary>Revokes <paramref name="token"/>.</summary>
    /// <param name="token">The token.</param>
    /// <returns><see langword="true"/> if it existed.</returns>
    public bool Revoke(string token) => _tokens.TryRemove(token, out _);

    /// <summary>Every token issued so far, revoked and expired ones included (for secret scans in tests).</summary>
    public IReadOnlyCollection<string> AllIssued => _issued;

    /// <summary>Revokes every token.</summary>
    public void RevokeAll() => _tokens.Clear();

    /// <summary>Reads the bearer token of an <c>Authorization</c> header value.</summary>
    /// <param name="authorization">The header value.</param>
    /// <returns>The token, or <see langword="null"/>.</returns>
    public static string? BearerOf(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
}
