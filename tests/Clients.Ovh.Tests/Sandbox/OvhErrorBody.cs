using System.Net.Http.Json;

namespace Clients.Ovh.Tests.Sandbox;

internal sealed record OvhErrorBody(string ErrorCode, string HttpCode, string Message)
{
    public static async Task<OvhErrorBody> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<OvhErrorBody>())!;
}
