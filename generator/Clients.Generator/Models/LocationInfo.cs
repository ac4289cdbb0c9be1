using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Clients.Generator.Models;

/// <summary>A value-equal stand-in for <see cref="Location"/>, which must not be cached in a pipeline model.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}
