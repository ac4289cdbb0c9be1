namespace Clients.Generator.Models;

/// <summary>
/// The implementation the generator writes for a marked interface whose every method it can implement itself: the
/// request built with Refit's public helpers exactly as Refit's own stub builds it, sent by
/// <c>Clients.Core.Wire.GeneratedRequestSender</c>. Absent when one member is outside that subset (the interface then
/// keeps Refit's stub).
/// </summary>
/// <param name="ClassName">The implementing class's name (in <c>Clients.Generated</c>).</param>
/// <param name="Methods">The methods to implement (own and inherited).</param>
internal sealed record ImplementationModel(string ClassName, EquatableArray<ImplementationMethodModel> Methods);

/// <summary>One implemented method.</summary>
/// <param name="DeclaringInterface">The <c>global::</c> name of the interface declaring it (for the explicit implementation).</param>
/// <param name="ImplementedInterface">The <c>global::</c> name of the marked interface (Refit's <c>InterfaceType</c> request option).</param>
/// <param name="Name">The method's name.</param>
/// <param name="ResultType">The type of the task's result, or null for a <c>Task</c>.</param>
/// <param name="HttpMethod">The HTTP verb in upper case.</param>
/// <param name="Path">The path template as written.</param>
/// <param name="Parameters">The parameters in declaration order.</param>
internal sealed record ImplementationMethodModel(
    string DeclaringInterface,
    string ImplementedInterface,
    string Name,
    string? ResultType,
    string HttpMethod,
    string Path,
    EquatableArray<ImplementationParameterModel> Parameters);

/// <summary>What a parameter is to the request.</summary>
internal enum ImplementationParameterKind
{
    /// <summary>Fills a <c>{placeholder}</c> of the path.</summary>
    Path,

    /// <summary>One query value.</summary>
    Query,

    /// <summary>A collection spread over the query with a <c>[Query(CollectionFormat)]</c>.</summary>
    QueryCollection,

    /// <summary>The <c>[Body]</c>.</summary>
    Body,

    /// <summary>A <c>[Header("name")]</c> value.</summary>
    Header,

    /// <summary>The call's <c>CancellationToken</c>.</summary>
    CancellationToken,
}

/// <summary>One parameter.</summary>
/// <param name="Name">The identifier (without <c>@</c>).</param>
/// <param name="Type">The fully qualified type, with nullable annotations.</param>
/// <param name="TypeOf">The fully qualified type without nullable reference annotations (what <c>typeof</c> accepts).</param>
/// <param name="Kind">What it is to the request.</param>
/// <param name="Key">The query key (escaped for a scalar, as written for a collection), header name or path placeholder.</param>
/// <param name="RangeStart">For a path parameter: where its placeholder starts in the template.</param>
/// <param name="RangeEnd">For a path parameter: where its placeholder ends (exclusive).</param>
/// <param name="CanBeNull">Whether the type admits null (a reference type or <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="Attributes">The expression creating the parameter's attributes as Refit passes them to the URL formatter (an <c>ICustomAttributeProvider</c>), or null for Refit's empty one.</param>
/// <param name="CollectionFormat">For a collection: the numeric <c>Refit.CollectionFormat</c>.</param>
internal sealed record ImplementationParameterModel(
    string Name,
    string Type,
    string TypeOf,
    ImplementationParameterKind Kind,
    string Key,
    int RangeStart,
    int RangeEnd,
    bool CanBeNull,
    string? Attributes,
    int CollectionFormat);
