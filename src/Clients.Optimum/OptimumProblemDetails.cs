namespace Clients.Optimum;

/// <summary>An RFC 7807 problem details body, as Optimum's ASP.NET Core API sends with errors.</summary>
/// <param name="Type">The problem type URI.</param>
/// <param name="Title">A short summary.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">An explanation of this occurrence.</param>
/// <param name="Instance">A URI identifying this occurrence.</param>
public sealed record OptimumProblemDetails(string? Type, string? Title, int? Status, string? Detail, string? Instance);
