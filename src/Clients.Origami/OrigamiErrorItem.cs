namespace Clients.Origami;

/// <summary>One entry of an Origami error body's <c>errors</c> array.</summary>
/// <param name="Status">The entry's HTTP status, if given.</param>
/// <param name="Code">Origami's error code, for example <c>030101</c> (unauthorized).</param>
/// <param name="Detail">The explanation.</param>
public sealed record OrigamiErrorItem(int? Status, string? Code, string? Detail);
