using Microsoft.CodeAnalysis;

namespace Clients.Generator;

/// <summary>Binds provider-marked Refit interfaces to their auth handler chains.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClientsGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
