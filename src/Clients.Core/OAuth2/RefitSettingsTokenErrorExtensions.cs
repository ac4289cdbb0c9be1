using Refit;

namespace Clients.Core.OAuth2;

/// <summary>Makes token failures reach the caller as what they are.</summary>
public static class RefitSettingsTokenErrorExtensions
{
    /// <summary>
    /// An <see cref="OAuth2Exception"/> thrown by the auth handler surfaces unchanged from a Refit call, instead of
    /// wrapped in Refit's <c>ApiRequestException</c>; every other transport exception keeps Refit's default handling.
    /// </summary>
    /// <param name="settings">The provider's Refit settings.</param>
    /// <returns>The same settings.</returns>
    public static RefitSettings SurfaceTokenErrors(this RefitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var fallback = settings.TransportExceptionFactory;
        settings.TransportExceptionFactory = (request, exception, cancellationToken) => exception switch
        {
            OAuth2Exception => exception,
            _ when fallback is not null => fallback(request, exception, cancellationToken),
            OperationCanceledException when cancellationToken.IsCancellationRequested => exception,
            _ => new ApiRequestException(request, request.Method, settings, exception),
        };
        return settings;
    }
}
