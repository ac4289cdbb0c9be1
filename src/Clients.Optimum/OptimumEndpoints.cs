namespace Clients.Optimum;

/// <summary>The published URLs of each Optimum environment.</summary>
public static class OptimumEndpoints
{
    /// <summary>The production API.</summary>
    public static readonly Uri ProductionApi = new("https://public-api.optimum-automotive.com/");

    /// <summary>The production token endpoint.</summary>
    public static readonly Uri ProductionToken = new("https://identityserver.optimum-automotive.com/connect/token");

    /// <summary>The pre-production API.</summary>
    public static readonly Uri PreProductionApi = new("https://apicore-preprod.optimum-automotive.com/");

    /// <summary>The pre-production token endpoint.</summary>
    public static readonly Uri PreProductionToken = new("https://identityserver-preprod.optimum-automotive.com/connect/token");

    /// <summary>The API base URL of <paramref name="environment"/>.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>The URL.</returns>
    public static Uri ApiOf(OptimumEnvironment environment) => environment switch
    {
        OptimumEnvironment.Production => ProductionApi,
        OptimumEnvironment.PreProduction => PreProductionApi,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown Optimum environment."),
    };

    /// <summary>The token endpoint of <paramref name="environment"/>.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>The URL.</returns>
    public static Uri TokenOf(OptimumEnvironment environment) => environment switch
    {
        OptimumEnvironment.Production => ProductionToken,
        OptimumEnvironment.PreProduction => PreProductionToken,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown Optimum environment."),
    };
}
