using System.Globalization;
using Clients.Sandbox.Optimum;
using Clients.Sandbox.Origami;
using Clients.Sandbox.Ovh;
using Microsoft.Extensions.Configuration;

namespace Clients.Samples.Marketplace.Hosting;

/// <summary>
/// The embedded default: for every provider without credentials in configuration, its emulator from
/// <c>Clients.Sandbox</c> runs in process on loopback and the client is pointed at it. Test accounts only.
/// </summary>
internal sealed class EmbeddedProviders : IAsyncDisposable
{
    /// <summary>The OVHcloud accounts of the embedded OVH emulator: one per seeded customer, with their domains.</summary>
    public static IReadOnlyList<OvhSandboxCustomer> OvhAccounts { get; } =
    [
        new("ag1001-ovh", "acme-sandbox-password") { FirstName = "Alice", Name = "Acme Garage", Domains = ["acme-garage.fr", "acme-garage.com"] },
        new("bb2002-ovh", "bistro-sandbox-password") { FirstName = "Bruno", Name = "Bistro Bleu", Domains = ["bistro-bleu.fr"] },
        new("cv3003-ovh", "cargo-sandbox-password") { FirstName = "Chloé", Name = "Cargo Vélo", Domains = ["cargo-velo.org"] },
    ];

    /// <summary>The Origami user group the seller view acts as in the embedded emulator.</summary>
    public const string OrigamiSellerGroup = "42";

    private EmbeddedProviders()
    {
    }

    /// <summary>The OVH emulator, when OVH is not configured.</summary>
    public OvhSandbox? Ovh { get; private set; }

    /// <summary>The Optimum emulator, when Optimum is not configured.</summary>
    public OptimumSandbox? Optimum { get; private set; }

    /// <summary>The Origami emulator, when Origami is not configured.</summary>
    public OrigamiSandbox? Origami { get; private set; }

    /// <summary>The configuration that points the clients at the emulators.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="configuration"/> names credentials for the provider section.</summary>
    /// <param name="configuration">The app's configuration.</param>
    /// <param name="section">Ovh, Optimum or Origami.</param>
    /// <returns>Whether the real API is configured.</returns>
    public static bool IsConfigured(IConfiguration configuration, string section) =>
        !string.IsNullOrWhiteSpace(configuration[$"{section}:ApplicationKey"]) || !string.IsNullOrWhiteSpace(configuration[$"{section}:ClientId"]);

    /// <summary>Starts the emulators of the providers <paramref name="configuration"/> has no credentials for.</summary>
    /// <param name="configuration">The app's configuration.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulators (possibly none).</returns>
    public static async Task<EmbeddedProviders> StartAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var embedded = new EmbeddedProviders();
        try
        {
            if (!IsConfigured(configuration, "Ovh"))
            {
                var options = new OvhSandboxOptions();
                options.Applications.Add(new OvhSandboxApplication(
                    OvhSandboxOptions.DefaultApplicationKey, OvhSandboxOptions.DefaultApplicationSecret, "Clients Marketplace (sample)"));
                foreach (var account in OvhAccounts)
                {
                    options.Customers.Add(account);
                }

                embedded.Ovh = await OvhSandbox.StartAsync(options, cancellationToken).ConfigureAwait(false);
                embedded._settings["Ovh:BaseUrl"] = embedded.Ovh.BaseUri.AbsoluteUri;
                embedded._settings["Ovh:ApplicationKey"] = embedded.Ovh.ApplicationKey;
                embedded._settings["Ovh:ApplicationSecret"] = embedded.Ovh.ApplicationSecret;
            }

            if (!IsConfigured(configuration, "Optimum"))
            {
                embedded.Optimum = await OptimumSandbox.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                embedded._settings["Optimum:ApiBaseUrl"] = embedded.Optimum.BaseUri.AbsoluteUri;
                embedded._settings["Optimum:TokenUrl"] = embedded.Optimum.TokenUrl.AbsoluteUri;
                embedded._settings["Optimum:ClientId"] = embedded.Optimum.ClientId;
                embedded._settings["Optimum:ClientSecret"] = embedded.Optimum.ClientSecret;
            }

            if (!IsConfigured(configuration, "Origami"))
            {
                embedded.Origami = await OrigamiSandbox.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                embedded._settings["Origami:ApiUrl"] = embedded.Origami.BaseUri.AbsoluteUri;
                embedded._settings["Origami:ClientId"] = embedded.Origami.ClientId;
                embedded._settings["Origami:ClientSecret"] = embedded.Origami.ClientSecret;
                embedded._settings["Origami:UserName"] = embedded.Origami.UserName;
                embedded._settings["Origami:Password"] = embedded.Origami.Password;
                embedded._settings["Origami:DefaultContext"] = "1";
            }

            return embedded;
        }
        catch
        {
            await embedded.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What to print for a developer at start: URLs and the emulator's test logins (never a real credential).</summary>
    /// <returns>Lines of text.</returns>
    public IEnumerable<string> Describe()
    {
        if (Ovh is not null)
        {
            yield return $"  OVHcloud: embedded emulator at {Ovh.BaseUri} (validation pages on {Ovh.HostUri}auth/)";
            foreach (var account in OvhAccounts)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"    test account {account.Nichandle} / {account.Password}  ({account.Name}: {string.Join(", ", account.Domains ?? [])})");
            }
        }

        if (Optimum is not null)
        {
            yield return $"  Optimum:  embedded emulator at {Optimum.BaseUri}";
        }

        if (Origami is not null)
        {
            yield return $"  Origami:  embedded emulator at {Origami.BaseUri} (user groups 1 = operator, {OrigamiSellerGroup} = seller)";
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Ovh is not null)
        {
            await Ovh.DisposeAsync().ConfigureAwait(false);
        }

        if (Optimum is not null)
        {
            await Optimum.DisposeAsync().ConfigureAwait(false);
        }

        if (Origami is not null)
        {
            await Origami.DisposeAsync().ConfigureAwait(false);
        }
    }
}
