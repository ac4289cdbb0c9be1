namespace Clients.Sandbox.Hosting;

/// <summary>Counts down faults requested on demand ("fail the next N requests") across concurrent requests.</summary>
internal static class OnDemandCounter
{
    /// <summary>Takes one from <paramref name="counter"/> if it is positive.</summary>
    /// <param name="counter">The remaining count, shared between requests.</param>
    /// <returns>True when one was taken: this request gets the fault.</returns>
    public static bool TryConsume(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
