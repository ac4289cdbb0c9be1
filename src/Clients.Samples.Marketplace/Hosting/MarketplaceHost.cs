using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Clients.Samples.Marketplace.Hosting;

/// <summary>A started marketplace: the web app, its URL, its data folder and the emulators it embeds.</summary>
internal sealed class MarketplaceHost : IAsyncDisposable
{
    private readonly bool _ownsDataDirectory;

    /// <summary>Wraps a started app.</summary>
    /// <param name="app">The running app.</param>
    /// <param name="url">The URL it listens on.</param>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="ownsDataDirectory">Delete the data folder at dispose (temporary embedded data).</param>
    /// <param name="embedded">The emulators.</param>
    public MarketplaceHost(WebApplication app, Uri url, string dataDirectory, bool ownsDataDirectory, EmbeddedProviders embedded)
    {
        App = app;
        Url = url;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        Embedded = embedded;
    }

    /// <summary>The running app.</summary>
    public WebApplication App { get; }

    /// <summary>The URL it listens on, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The folder of <c>marketplace.db</c> and <c>keys/</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "marketplace.db");

    /// <summary>The emulators running in process (none when every provider is configured).</summary>
    public EmbeddedProviders Embedded { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        await Embedded.DisposeAsync().ConfigureAwait(false);
        if (_ownsDataDirectory)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
