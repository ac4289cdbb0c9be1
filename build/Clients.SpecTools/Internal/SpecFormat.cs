namespace Clients.SpecTools.Internal;

/// <summary>The two description formats the project reads.</summary>
internal enum SpecFormat
{
    /// <summary>OpenAPI 3.x: schemas under <c>#/components/schemas</c>, bodies under <c>requestBody</c>.</summary>
    OpenApi3,

    /// <summary>Swagger 2.0: schemas under <c>#/definitions</c>, bodies as <c>in: body</c> parameters.</summary>
    Swagger2,
}
