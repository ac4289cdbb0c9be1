using System.Security.Cryptography;
using System.Text.Json;
using Clients.Core.OAuth2;
using Microsoft.AspNetCore.DataProtection;

namespace Clients.Core.Fleet;

/// <summary>Turns a token into Data Protection ciphertext for the shared cache, and back. Nothing is ever stored in clear.</summary>
internal sealed class ProtectedTokenSerializer(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Clients.Core.Fleet.AccessToken.v1");

    public byte[] Protect(AccessToken token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("v", token.Value);
            writer.WriteString("t", token.TokenType);
            writer.WriteNumber("e", token.ExpiresAt.ToUnixTimeMilliseconds());
            writer.WriteNumber("n", token.RenewAt.ToUnixTimeMilliseconds());
            if (token.RefreshToken is not null)
            {
                writer.WriteString("r", token.RefreshToken);
            }

            writer.WriteEndObject();
        }

        var clear = buffer.ToArray();
        try
        {
            return _protector.Protect(clear);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    /// <summary>Decrypts a stored token; <see langword="null"/> when it cannot be read (other key ring, tampered, old format).</summary>
    public AccessToken? TryUnprotect(byte[] protectedBytes)
    {
        byte[] clear;
        try
        {
            clear = _protector.Unprotect(protectedBytes);
        }
        catch (CryptographicException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(clear);
            var root = document.RootElement;
            return new AccessToken(
                root.GetProperty("v").GetString()!,
                root.GetProperty("t").GetString() ?? "Bearer",
                DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("e").GetInt64()),
                root.TryGetProperty("r", out var refresh) ? refresh.GetString() : null,
                DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("n").GetInt64()));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }
}
