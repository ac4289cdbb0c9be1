namespace Clients.Generator;

/// <summary>The names of the pipeline steps, for <c>WithTrackingName</c> and the incrementality tests.</summary>
public static class TrackingNames
{
    /// <summary>Providers whose marker attribute is declared in the compilation.</summary>
    public const string LocalProviders = nameof(LocalProviders);

    /// <summary>Parse results of every attributed interface.</summary>
    public const string InterfaceResults = nameof(InterfaceResults);

    /// <summary>Models of the marked interfaces.</summary>
    public const string Interfaces = nameof(Interfaces);

    /// <summary>Diagnostics found while parsing.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>Compilation-wide facts.</summary>
    public const string Facts = nameof(Facts);

    /// <summary>The source-generated System.Text.Json contexts declared in the compilation.</summary>
    public const string JsonContexts = nameof(JsonContexts);

    /// <summary>One item per provider: what is emitted for it.</summary>
    public const string ProviderOutputs = nameof(ProviderOutputs);
}
