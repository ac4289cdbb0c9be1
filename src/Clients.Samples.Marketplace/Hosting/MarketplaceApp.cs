using Clients.Ovh;
using Clients.Samples.Marketplace.Data;
using Clients.Samples.Marketplace.Ovh;
using Clients.Samples.Marketplace.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clients.Samples.Marketplace.Hosting;

/// <summary>Builds and starts the marketplace: configuration, embedded emulators, services, endpoints.</summary>
internal static class MarketplaceApp
{
    /// <summary>Runs until Ctrl+C: what <c>dotnet run --project src/Clients.Samples.Marketplace</c> does.</summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--Marketplace:DataDirectory=...</c>, provider settings).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var host = await StartAsync(args).ConfigureAwait(false);
        Console.WriteLine($"Clients marketplace sample: open {host.Url}");
        foreach (var line in host.Embedded.Describe())
        {
            Console.WriteLine(line);
        }

        Console.WriteLine("Press Ctrl+C to stop.");
        await host.App.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Starts the marketplace and returns once it listens.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Extra configuration of the builder (tests add a log sink).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running marketplace.</returns>
    public static async Task<MarketplaceHost> StartAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        // EF Core's per-command logs drown the marketplace's own; its warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        var embedded = await EmbeddedProviders.StartAsync(builder.Configuration, cancellationToken).ConfigureAwait(false);
        try
        {
            builder.Configuration.AddInMemoryCollection(embedded.Settings);
            var options = builder.Configuration.GetSection(MarketplaceOptions.Section).Get<MarketplaceOptions>() ?? new MarketplaceOptions();
            var ownsDataDirectory = string.IsNullOrWhiteSpace(options.DataDirectory) && embedded.Ovh is not null;
            var dataDirectory = DataDirectoryFor(options, ownsDataDirectory);
            Directory.CreateDirectory(dataDirectory);

            AddServices(builder, dataDirectory);
            configure?.Invoke(builder);

            var app = builder.Build();
            MarketplaceEndpoints.Map(app);

            using (var scope = app.Services.CreateScope())
            {
                await MarketplaceSeed.EnsureSeededAsync(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>(), cancellationToken).ConfigureAwait(false);
            }

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var url = new Uri(app.Urls.First().TrimEnd('/') + "/");
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Clients.Samples.Marketplace");
            LogProviders(logger, embedded);
            MarketplaceLog.Listening(logger, url.AbsoluteUri, dataDirectory);
            return new MarketplaceHost(app, url, dataDirectory, ownsDataDirectory, embedded);
        }
        catch
        {
            await embedded.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string DataDirectoryFor(MarketplaceOptions options, bool temporary) =>
        !string.IsNullOrWhiteSpace(options.DataDirectory) ? Path.GetFullPath(options.DataDirectory)
        : temporary ? Path.Combine(Path.GetTempPath(), "clients-marketplace-" + Guid.NewGuid().ToString("N")[..12])
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Clients.Samples.Marketplace");

    private static void AddServices(WebApplicationBuilder builder, string dataDirectory)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<MarketplaceOptions>().Bind(configuration.GetSection(MarketplaceOptions.Section));
        services.AddSingleton(TimeProvider.System);

        // Customers and their consumer keys: SQLite through EF Core; the keys encrypted with Data Protection, whose key
        // ring lives in keys/ beside the database (never inside it). Production: protect the ring too
        // (ProtectKeysWithCertificate, a vault), and keep it where every instance reads it.
        services.AddDbContext<MarketplaceDbContext>(db => db.UseSqlite($"Data Source={Path.Combine(dataDirectory, "marketplace.db")}"));
        services.AddDataProtection()
            .SetApplicationName("Clients.Samples.Marketplace")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        services.AddSingleton<ConsumerKeyProtector>();
        services.AddScoped<OvhConsumerKeyStore>();
        services.AddScoped<OvhDelegation>();

        // The three providers, configured from their sections (the embedded emulators wrote theirs above).
        services.AddOvhClients(configuration.GetSection("Ovh"));
        services.AddScoped<IOvhConsumerKeySource, DatabaseConsumerKeySource>();
        services.AddOptimumClients(configuration.GetSection("Optimum"));
        services.AddOrigamiClients(configuration.GetSection("Origami"));

        services.AddAntiforgery();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    private static void LogProviders(ILogger logger, EmbeddedProviders embedded)
    {
        Log("OVHcloud", embedded.Ovh?.BaseUri);
        Log("Optimum", embedded.Optimum?.BaseUri);
        Log("Origami", embedded.Origami?.BaseUri);

        void Log(string provider, Uri? embeddedUri)
        {
            if (embeddedUri is null)
            {
                MarketplaceLog.ConfiguredProvider(logger, provider);
            }
            else
            {
                MarketplaceLog.EmbeddedProvider(logger, provider, embeddedUri);
            }
        }
    }
}
