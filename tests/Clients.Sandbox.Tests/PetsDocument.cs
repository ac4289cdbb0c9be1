using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clients.Sandbox.Specs;

namespace Clients.Sandbox.Tests;

/// <summary>The engine test document (Documents/pets.json) and helpers to call an emulator of it.</summary>
internal static class PetsDocument
{
    public static byte[] Bytes { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Documents", "pets.json"));

    public static Task<SpecSandbox> StartAsync(SpecSandboxOptions? options = null) => SpecSandbox.StartAsync(Bytes, options);

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(SpecSandbox sandbox, HttpMethod method, string relative, string? json = null, Action<HttpRequestMessage>? configure = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(sandbox.BaseAddress, relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body, response);
    }

    public static string Message(string body) => JsonDocument.Parse(body).RootElement.GetProperty("message").GetString()!;

    public static void Header(HttpRequestMessage request, string name, string value) => request.Headers.TryAddWithoutValidation(name, value);

    public static MediaTypeHeaderValue Json => new("application/json");
}
