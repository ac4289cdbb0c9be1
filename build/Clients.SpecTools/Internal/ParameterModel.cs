using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>
/// An operation parameter. Path parameters are keyed by their position in the path template, so that renaming
/// <c>{id}</c> to <c>{serviceName}</c> is one change of the path, not a removed plus an added parameter.
/// </summary>
internal sealed record ParameterModel(string Key, string In, string Name, bool Required, bool Deprecated, JsonElement? Schema)
{
    public string Label => $"parameter '{Name}' ({In})";
}
