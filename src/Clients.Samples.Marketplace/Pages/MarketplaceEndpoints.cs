using System.Globalization;
using Clients.Ovh;
using Clients.Ovh.Models;
using Clients.Samples.Marketplace.Data;
using Clients.Samples.Marketplace.Hosting;
using Clients.Samples.Marketplace.Ovh;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clients.Samples.Marketplace.Pages;

/// <summary>The marketplace's routes.</summary>
internal static class MarketplaceEndpoints
{
    /// <summary>Maps every page, form target and the health endpoint.</summary>
    /// <param name="app">The app.</param>
    public static void Map(WebApplication app)
    {
        // Unexpected failures get a plain page: no stack trace, no request data, nothing secret.
        app.UseExceptionHandler(error => error.Run(context =>
            Html.Page("Something went wrong", "<p>The marketplace could not answer. The error is in its log.</p>", StatusCodes.Status500InternalServerError).ExecuteAsync(context)));

        app.MapGet("/", HomePage.RenderAsync);
        app.MapGet("/customers/{id}", (HttpContext context, string id, string? zone, string? ovh) =>
            CustomerPage.RenderAsync(context, id, zone, new CustomerPage.Outcome(Notice(ovh))));
        app.MapPost("/customers/{id}/ovh/connect", ConnectAsync);
        app.MapGet("/customers/{id}/ovh/callback", CallbackAsync);
        app.MapPost("/customers/{id}/ovh/disconnect", DisconnectAsync);
        app.MapPost("/customers/{id}/zones/{zone}/records", AddRecordAsync);
        app.MapGet("/origami", (HttpContext context, string? group, Clients.Origami.IOrigamiMeApi me, Clients.Origami.IOrigamiSellersApi sellers, ILogger<Clients.Origami.OrigamiApiException> logger) =>
            OrigamiPage.RenderAsync(context, group, me, sellers, logger));
        app.MapGet("/fleet", FleetPage.RenderAsync);
        app.MapHealthChecks("/health");
    }

    private static string? Notice(string? ovh) => ovh switch
    {
        "connected" => CustomerPage.Banner("notice", "ovh-notice", "<p><strong>OVHcloud access granted.</strong> The marketplace now manages your domains with the rights you accepted.</p>"),
        "refused" => CustomerPage.Banner("problem", "ovh-refused", """
            <h2>OVHcloud access was not granted</h2>
            <p>You refused the marketplace's request on OVHcloud (or left before accepting it), so the marketplace has
            <strong>no access</strong> to your OVHcloud account and nothing was changed there. Connect again whenever you
            want; you will see the exact rights requested before accepting.</p>
            """),
        "disconnected" => CustomerPage.Banner("notice", "ovh-notice", "<p>Disconnected: the marketplace's consumer key was logged out at OVHcloud and deleted.</p>"),
        _ => null,
    };

    private static async Task<IResult?> RejectForgeryAsync(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context)
            ? null
            : Html.Page("Form expired", """<p>The form expired or did not come from this site. <a href="/">Start again</a>.</p>""", StatusCodes.Status400BadRequest);
    }

    private static async Task<bool> CustomerExistsAsync(HttpContext context, string id) =>
        await context.RequestServices.GetRequiredService<MarketplaceDbContext>().Customers.AnyAsync(c => c.Id == id, context.RequestAborted);

    private static async Task<IResult> ConnectAsync(HttpContext context, string id, OvhDelegation delegation, IOptions<MarketplaceOptions> options)
    {
        if (await RejectForgeryAsync(context) is { } rejected)
        {
            return rejected;
        }

        if (!await CustomerExistsAsync(context, id))
        {
            return Results.NotFound();
        }

        var publicUrl = options.Value.PublicUrl ?? new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
        var callback = new Uri(publicUrl, $"customers/{Uri.EscapeDataString(id)}/ovh/callback");
        var validationUrl = await delegation.ConnectAsync(id, callback, context.RequestAborted);
        return Results.Redirect(validationUrl.AbsoluteUri);
    }

    private static async Task<IResult> CallbackAsync(string id, OvhDelegation delegation, CancellationToken cancellationToken)
    {
        var confirmed = await delegation.ConfirmAsync(id, cancellationToken);
        return Results.Redirect($"/customers/{Uri.EscapeDataString(id)}?ovh={(confirmed ? "connected" : "refused")}");
    }

    private static async Task<IResult> DisconnectAsync(HttpContext context, string id, OvhDelegation delegation)
    {
        if (await RejectForgeryAsync(context) is { } rejected)
        {
            return rejected;
        }

        await delegation.DisconnectAsync(id, context.RequestAborted);
        return Results.Redirect($"/customers/{Uri.EscapeDataString(id)}?ovh=disconnected");
    }

    private static async Task<IResult> AddRecordAsync(HttpContext context, string id, string zone, IOvhDomainApi domains, ILogger<OvhDelegation> logger)
    {
        if (await RejectForgeryAsync(context) is { } rejected)
        {
            return rejected;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var type = CustomerPage.ParseRecordType(form["fieldType"]);
        var target = form["target"].ToString().Trim();
        if (type is null || target.Length == 0)
        {
            return await CustomerPage.RenderAsync(context, id, zone, new CustomerPage.Outcome(
                CustomerPage.Banner("problem", "form-problem", "<p>Choose a record type and give a target.</p>")));
        }

        var subDomain = form["subDomain"].ToString().Trim();
        var body = new DomainZoneRecordCreate
        {
            FieldType = type.Value,
            SubDomain = subDomain.Length == 0 ? null : subDomain,
            Target = target,
            Ttl = long.TryParse(form["ttl"], NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) ? ttl : null,
        };
        try
        {
            DomainZoneRecord created;
            using (OvhConsumerKey.UseCustomer(id))
            {
                created = await domains.PostDomainZoneRecordAsync(zone, body, context.RequestAborted);
            }

            MarketplaceLog.RecordCreated(logger, id, created.Id, zone);
            return await CustomerPage.RenderAsync(context, id, zone, new CustomerPage.Outcome(Created: created));
        }
        catch (OvhApiException exception) when (!exception.IsInvalidCredential)
        {
            MarketplaceLog.OvhFailed(logger, id, (int)exception.StatusCode, CustomerPage.ErrorCodeOf(exception), exception.QueryId);
            return await CustomerPage.RenderAsync(context, id, zone, new CustomerPage.Outcome(CreateError: exception));
        }
    }
}
