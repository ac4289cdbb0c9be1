namespace Clients.Optimum;

/// <summary>The Optimum Automotive environments.</summary>
public enum OptimumEnvironment
{
    /// <summary>Production: <c>https://public-api.optimum-automotive.com/</c>.</summary>
    Production = 1,

    /// <summary>Pre-production, a nightly copy of production data for integration work: <c>https://apicore-preprod.optimum-automotive.com/</c>.</summary>
    PreProduction = 2,
}
