namespace Clients.Optimum.Tests;

/// <summary>Waits for a counter that a background renewal moves (bounded: 5 s of polling).</summary>
internal static class Eventually
{
    public static async Task EqualAsync(Func<int> actual, int expected, string because = "")
    {
        for (var i = 0; i < 500 && actual() != expected; i++)
        {
            await Task.Delay(10);
        }

        actual().Should().Be(expected, because);
    }
}
