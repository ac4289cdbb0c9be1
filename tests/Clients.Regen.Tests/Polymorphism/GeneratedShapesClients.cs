namespace Clients.Regen.Tests.Polymorphism;

/// <summary>The shapes fixture (<c>Fixtures/polymorphism.json</c>) as a consumer's project gets it, in <c>Clients.RoundTrip</c>.</summary>
public sealed class GeneratedShapesClients() : GeneratedConsumerClients(ShapesFixture.Document, "Clients.RoundTrip");
