using System.Text;
using Clients.Ovh;
using Clients.Samples.Marketplace.Hosting;
using Clients.Samples.Marketplace.Ovh;
using Clients.Sandbox.Ovh;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Clients.Samples.Marketplace.BrowserTests;

/// <summary>
/// The marketplace as its users live it, in headless Chromium: the OVHcloud delegation through the emulator's real
/// validation page and redirects, the Origami context switch, the Optimum fleet, and what must never leak.
/// </summary>
public sealed class MarketplaceBrowserTests(MarketplaceFixture fixture) : IClassFixture<MarketplaceFixture>
{
    private static readonly OvhSandboxCustomer AcmeAccount = EmbeddedProviders.OvhAccounts[0];
    private static readonly OvhSandboxCustomer BistroAccount = EmbeddedProviders.OvhAccounts[1];
    private static readonly OvhSandboxCustomer CargoAccount = EmbeddedProviders.OvhAccounts[2];

    private MarketplaceHost Host => fixture.Host;

    private OvhSandbox Ovh => Host.Embedded.Ovh ?? throw new InvalidOperationException("The OVH emulator is not embedded.");

    [Fact]
    public async Task Customer_A_accepts_on_the_OVH_validation_page_lands_back_on_a_page_listing_their_domains_and_adds_a_record()
    {
        var page = await fixture.NewPageAsync();
        await EnsureDisconnectedAsync(page, "acme-garage");
        await page.GotoAsync(Host.Url.AbsoluteUri);
        (await page.Locator("#customer-acme-garage").InnerTextAsync()).Should().Contain("Acme Garage");
        await fixture.ShotAsync(page, "01-customers");

        await ConnectAsync(page, "acme-garage", AcmeAccount, accept: true, screenshot: "02-ovh-validation-page");

        page.Url.Should().Be(Host.Url.AbsoluteUri + "customers/acme-garage?ovh=connected");
        (await page.Locator("#ovh-notice").InnerTextAsync()).Should().Contain("OVHcloud access granted");
        (await page.Locator("#ovh-state").InnerTextAsync()).Should().Be("Connected to OVHcloud");
        var domains = await page.Locator("li.domain a").AllInnerTextsAsync();
        domains.Should().Equal("acme-garage.fr", "acme-garage.com");
        (await page.Locator("#records h2").InnerTextAsync()).Should().Be("DNS zone acme-garage.fr");
        (await page.Locator("tr.record").CountAsync()).Should().BeGreaterThan(0);
        await fixture.ShotAsync(page, "03-customer-connected");

        // The customer was asked (the validation page listed them) for the generated rules of the methods the app calls only.
        MarketplaceOvhRights.Rules.Should().BeSubsetOf(OvhAccessRules.For<IOvhDomainApi>())
            .And.Contain(new OvhAccessRule("GET", "/domain"))
            .And.Contain(new OvhAccessRule("POST", "/domain/zone/*/record"))
            .And.NotContain(r => r.Method == "DELETE");

        // Add a record: a signed POST with the customer's key; OVH's answer is shown.
        await page.SelectOptionAsync("select[name=fieldType]", "TXT");
        await page.FillAsync("input[name=subDomain]", "_marketplace");
        await page.FillAsync("input[name=target]", "verified-by-clients-marketplace");
        var posts = Ovh.GetRequestCount("/1.0/domain/zone/acme-garage.fr/record");
        await page.ClickAsync("#add-record");
        await page.Locator("#ovh-answer").WaitForAsync();
        (await page.Locator("#ovh-answer").InnerTextAsync()).Should().Contain("OVHcloud's answer").And.Contain("Record created");
        (await page.Locator("#ovh-answer tr.record td").AllInnerTextsAsync()).Skip(1).Should().Equal("TXT", "_marketplace", "verified-by-clients-marketplace", "3600");
        Ovh.GetRequestCount("/1.0/domain/zone/acme-garage.fr/record").Should().BeGreaterThan(posts);
        fixture.Logs.Lines.Should().Contain(l => l.Contains("Customer acme-garage: DNS record", StringComparison.Ordinal) && l.Contains("zone acme-garage.fr", StringComparison.Ordinal));
        await fixture.ShotAsync(page, "04-record-added");
    }

    [Fact]
    public async Task Customer_B_refuses_on_the_OVH_validation_page_and_sees_the_refusal_explained()
    {
        var page = await fixture.NewPageAsync();
        var before = Ovh.GetIssuedConsumerKeys();

        await ConnectAsync(page, "bistro-bleu", BistroAccount, accept: false, screenshot: "05-ovh-validation-page-refuse");

        page.Url.Should().Be(Host.Url.AbsoluteUri + "customers/bistro-bleu?ovh=refused");
        var refusal = await page.Locator("#ovh-refused").InnerTextAsync();
        refusal.Should().Contain("OVHcloud access was not granted").And.Contain("no access");
        (await page.Locator("#ovh-state").InnerTextAsync()).Should().Be("Not connected to OVHcloud.");
        (await page.Locator("#connect-ovh").InnerTextAsync()).Should().Be("Connect OVHcloud");
        (await page.Locator("#domains").CountAsync()).Should().Be(0);
        await fixture.ShotAsync(page, "06-customer-refused");

        var requested = Ovh.GetIssuedConsumerKeys().Except(before).Single();
        Ovh.GetCredentialStatus(requested).Should().Be(OvhSandboxCredentialStatus.Refused);
        (await StoredConnectionsAsync()).Should().NotContainKey("bistro-bleu");
    }

    [Fact]
    public async Task A_key_revoked_by_the_customer_at_OVH_shows_a_reconnect_prompt_and_reconnecting_works()
    {
        var page = await fixture.NewPageAsync();
        await EnsureConnectedAsync(page, "acme-garage", AcmeAccount);

        Ovh.RevokeConsumerKeys(AcmeAccount).Should().BeGreaterThan(0);
        var response = await page.GotoAsync(Host.Url.AbsoluteUri + "customers/acme-garage");

        response!.Status.Should().Be(200, "a revoked key is a state of the customer, not an error page");
        var prompt = await page.Locator("#reconnect").InnerTextAsync();
        prompt.Should().Contain("Reconnect OVHcloud").And.Contain("NOT_CREDENTIAL").And.Contain("OVHcloud query id");
        (await page.Locator("#domains").CountAsync()).Should().Be(0);
        fixture.Logs.Lines.Should().Contain(l => l.Contains("Customer acme-garage: OVHcloud refuses the stored consumer key (NOT_CREDENTIAL", StringComparison.Ordinal));
        await fixture.ShotAsync(page, "07-customer-reconnect");

        await page.ClickAsync("#connect-ovh");
        await AnswerValidationPageAsync(page, "acme-garage", AcmeAccount, accept: true);
        (await page.Locator("li.domain a").AllInnerTextsAsync()).Should().Equal("acme-garage.fr", "acme-garage.com");
    }

    [Fact]
    public async Task Disconnect_logs_the_key_out_at_OVH_and_forgets_it()
    {
        var page = await fixture.NewPageAsync();
        await EnsureConnectedAsync(page, "cargo-velo", CargoAccount);
        (await page.Locator("li.domain a").AllInnerTextsAsync()).Should().Equal("cargo-velo.org");
        var keys = Ovh.GetIssuedConsumerKeys().Where(k => Ovh.GetCredentialStatus(k) == OvhSandboxCredentialStatus.Validated).ToList();

        await page.ClickAsync("#disconnect-ovh");
        await page.WaitForURLAsync(Host.Url.AbsoluteUri + "customers/cargo-velo?ovh=disconnected");

        (await page.Locator("#ovh-state").InnerTextAsync()).Should().Be("Not connected to OVHcloud.");
        (await StoredConnectionsAsync()).Should().NotContainKey("cargo-velo");
        keys.Where(k => Ovh.GetCredentialStatus(k) == OvhSandboxCredentialStatus.Expired).Should().ContainSingle("the logged-out key is expired at OVH");
        await fixture.ShotAsync(page, "08-customer-disconnected");
    }

    [Fact]
    public async Task The_Origami_page_acts_as_the_operator_then_as_the_chosen_seller_and_the_emulator_records_contexts_1_then_42()
    {
        var origami = Host.Embedded.Origami ?? throw new InvalidOperationException("The Origami emulator is not embedded.");
        var page = await fixture.NewPageAsync();
        var seen = origami.ContextsSeen.Count;

        await page.GotoAsync(Host.Url.AbsoluteUri + "origami");
        (await page.Locator("#acting-as").InnerTextAsync()).Should().Be("1");
        (await page.Locator("#seller-total").InnerTextAsync()).Should().Be("45");
        (await page.Locator("tr.seller").CountAsync()).Should().Be(10);
        await fixture.ShotAsync(page, "09-origami-operator");
        var asOperator = origami.ContextsSeen.Skip(seen).ToList();
        seen += asOperator.Count;

        await page.SelectOptionAsync("#group", EmbeddedProviders.OrigamiSellerGroup);
        await page.ClickAsync("#switch-group");
        await page.WaitForURLAsync(Host.Url.AbsoluteUri + "origami?group=42");
        (await page.Locator("#acting-as").InnerTextAsync()).Should().Be("42");
        (await page.Locator("h1").InnerTextAsync()).Should().Contain("seller group 42");
        await fixture.ShotAsync(page, "10-origami-seller");
        var asSeller = origami.ContextsSeen.Skip(seen).ToList();

        asOperator.Should().NotBeEmpty().And.OnlyContain(c => c == "1");
        asSeller.Should().NotBeEmpty().And.OnlyContain(c => c == "42");
    }

    [Fact]
    public async Task The_fleet_page_shows_the_emulator_vehicles_their_drivers_and_the_out_of_fleet_count()
    {
        var optimum = Host.Embedded.Optimum ?? throw new InvalidOperationException("The Optimum emulator is not embedded.");
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(Host.Url.AbsoluteUri + "fleet");

        var rows = await page.Locator("tr.vehicle").AllInnerTextsAsync();
        rows.Should().HaveCount(optimum.Vehicles.Count);
        foreach (var registration in optimum.Vehicles.Keys)
        {
            rows.Should().Contain(r => r.Contains(registration, StringComparison.Ordinal));
        }

        rows.Should().Contain(r => r.Contains("AB-123-CD", StringComparison.Ordinal) && r.Contains("Alice Martin", StringComparison.Ordinal));
        var outOfFleet = optimum.Vehicles.Values.Count(v => (string?)v["status"] == "OUT_FLEET");
        outOfFleet.Should().BeGreaterThan(0);
        (await page.Locator("#out-of-fleet").InnerTextAsync()).Should().Be(outOfFleet.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await fixture.ShotAsync(page, "11-fleet");
    }

    [Fact]
    public async Task The_SQLite_file_holds_the_consumer_keys_encrypted_never_in_clear()
    {
        var page = await fixture.NewPageAsync();
        await EnsureConnectedAsync(page, "acme-garage", AcmeAccount);
        var issued = Ovh.GetIssuedConsumerKeys();
        issued.Should().NotBeEmpty();

        // The rows are there, and each decrypts (with the app's Data Protection ring) to a key OVH issued.
        var stored = await StoredConnectionsAsync();
        stored.Should().ContainKey("acme-garage");
        var protector = Host.App.Services.GetRequiredService<ConsumerKeyProtector>();
        foreach (var (customerId, protectedKey) in stored)
        {
            issued.Should().Contain(protector.Unprotect(customerId, protectedKey));
            issued.Should().NotContain(protectedKey);
        }

        // No byte sequence of any issued key anywhere in the database files (main file, WAL, shared memory).
        var files = Directory.GetFiles(Host.DataDirectory, "marketplace.db*");
        files.Should().Contain(Host.DatabasePath);
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            foreach (var key in issued)
            {
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(key)).Should().Be(-1, $"{Path.GetFileName(file)} must not hold a consumer key in clear");
            }
        }
    }

    [Fact]
    public async Task Health_answers_and_no_page_or_log_line_shows_a_secret()
    {
        var page = await fixture.NewPageAsync();
        var health = await page.GotoAsync(Host.Url.AbsoluteUri + "health");
        health!.Status.Should().Be(200);
        (await health.TextAsync()).Should().Be("Healthy");

        await EnsureConnectedAsync(page, "acme-garage", AcmeAccount);
        foreach (var path in new[] { "", "customers/acme-garage", "customers/bistro-bleu", "origami", "origami?group=42", "fleet" })
        {
            await page.GotoAsync(Host.Url.AbsoluteUri + path);
            fixture.PagesSeen.Enqueue(await page.ContentAsync());
        }

        var secrets = new List<string>(Ovh.GetIssuedConsumerKeys()) { Ovh.ApplicationSecret };
        secrets.Add(Host.Embedded.Optimum!.ClientSecret);
        secrets.Add(Host.Embedded.Origami!.ClientSecret);
        secrets.Add(Host.Embedded.Origami.Password);
        secrets.AddRange(EmbeddedProviders.OvhAccounts.Select(a => a.Password));
        var pages = fixture.PagesSeen.ToList();
        var logs = fixture.Logs.Lines.ToList();
        pages.Should().HaveCountGreaterThan(5);
        logs.Should().Contain(l => l.Contains("OVHcloud delegation confirmed", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            pages.Should().NotContain(p => p.Contains(secret, StringComparison.Ordinal));
            logs.Should().NotContain(l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task EnsureConnectedAsync(IPage page, string customerId, OvhSandboxCustomer account)
    {
        await page.GotoAsync(Host.Url.AbsoluteUri + "customers/" + customerId);
        if (await page.Locator("#disconnect-ovh").CountAsync() == 0)
        {
            await ConnectAsync(page, customerId, account, accept: true, screenshot: null);
        }

        (await page.Locator("#ovh-state").InnerTextAsync()).Should().Be("Connected to OVHcloud");
    }

    private async Task EnsureDisconnectedAsync(IPage page, string customerId)
    {
        // Tests share one marketplace and run in any order: start this story from a customer without a delegation.
        await page.GotoAsync(Host.Url.AbsoluteUri + "customers/" + customerId);
        if (await page.Locator("#disconnect-ovh").CountAsync() > 0)
        {
            await page.ClickAsync("#disconnect-ovh");
            await page.WaitForURLAsync(Host.Url.AbsoluteUri + "customers/" + customerId + "?ovh=disconnected");
        }
    }

    private async Task ConnectAsync(IPage page, string customerId, OvhSandboxCustomer account, bool accept, string? screenshot)
    {
        await page.GotoAsync(Host.Url.AbsoluteUri + "customers/" + customerId);
        await page.ClickAsync("#connect-ovh");
        await AnswerValidationPageAsync(page, customerId, account, accept, screenshot);
    }

    private async Task AnswerValidationPageAsync(IPage page, string customerId, OvhSandboxCustomer account, bool accept, string? screenshot = null)
    {
        // The browser followed the redirect to OVH's (the emulator's) validation page.
        await page.WaitForURLAsync(url => url.StartsWith(Ovh.HostUri.AbsoluteUri + "auth/?credentialToken=", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Authorize an application");
        (await page.Locator("ul.rules li").AllInnerTextsAsync()).Should().BeEquivalentTo(MarketplaceOvhRights.Rules.Select(r => $"{r.Method} {r.Path}"));
        if (accept)
        {
            await page.FillAsync("input[name=login]", account.Nichandle);
            await page.FillAsync("input[name=password]", account.Password);
        }

        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.ScreenshotDirectory, screenshot + ".png") });
        }

        await page.ClickAsync(accept ? "button[value=accept]" : "button[value=refuse]");

        // OVH redirects to the marketplace's callback, which confirms the key and lands on the customer's page.
        await page.WaitForURLAsync(url => url.StartsWith(Host.Url.AbsoluteUri + "customers/" + customerId + "?ovh=", StringComparison.Ordinal));
    }

    private async Task<Dictionary<string, string>> StoredConnectionsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CustomerId, ProtectedConsumerKey FROM OvhConnections";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetString(1);
        }

        return rows;
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
