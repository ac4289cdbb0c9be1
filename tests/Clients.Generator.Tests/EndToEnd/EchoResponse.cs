namespace Clients.Generator.Tests.EndToEnd;

public sealed record EchoResponse(string Id, string? Authorization);
