using StackExchange.Redis;

namespace Clients.Core.Fleet;

/// <summary>
/// The fleet's Redis connection, opened on first use. Never blocks on a dead server: it does not abort when the
/// server is down at start, and commands fail fast while disconnected (no backlog), so callers fall back at once.
/// </summary>
internal sealed class FleetRedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection;

    public FleetRedisConnection(FleetTokenOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.RedisConfiguration!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = (int)Math.Max(100, options.OperationTimeout.TotalMilliseconds);
        configuration.AsyncTimeout = configuration.ConnectTimeout;
        configuration.SyncTimeout = configuration.ConnectTimeout;
        configuration.ConnectRetry = 1;
        configuration.ClientName = "clients-fleet";
        _connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(configuration), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IDatabase Database => _connection.Value.GetDatabase();

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
