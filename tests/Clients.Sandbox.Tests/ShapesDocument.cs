using Clients.Sandbox.Specs;

namespace Clients.Sandbox.Tests;

/// <summary>
/// The Swashbuckle-style polymorphic document the generator's tests use (<c>Clients.Regen.Tests/Fixtures/polymorphism.json</c>:
/// <c>Shape</c> with a discriminator on <c>TypeName</c>, <c>Rectangle</c>/<c>Circle</c> as <c>allOf</c> of it, a body
/// <c>oneOf</c> both), linked into this project.
/// </summary>
internal static class ShapesDocument
{
    public static byte[] Bytes { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Documents", "polymorphism.json"));

    public static Task<SpecSandbox> StartAsync(SpecSandboxOptions? options = null) => SpecSandbox.StartAsync(Bytes, options);
}
