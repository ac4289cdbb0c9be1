using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Clients.Samples.Marketplace.Pages;

/// <summary>Server-rendered HTML: one layout, encoding of every value, the antiforgery field of every form.</summary>
internal static class Html
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2433;background:#f5f7fb}
        header{background:#0b3d91;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:center}
        header a{color:#fff;text-decoration:none;font-weight:600}header .brand{font-size:1.15em;margin-right:16px}
        main{max-width:960px;margin:24px auto;padding:0 24px}
        .card{background:#fff;border:1px solid #dde3ee;border-radius:8px;padding:16px 20px;margin:16px 0}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e7ebf3}
        th{background:#eef2f9}.ok{color:#17803d;font-weight:600}.warn{color:#a15c00;font-weight:600}
        .notice{border-left:4px solid #17803d}.problem{border-left:4px solid #c0392b}.reconnect{border-left:4px solid #a15c00}
        button{background:#0b3d91;color:#fff;border:0;border-radius:6px;padding:8px 14px;font-weight:600;cursor:pointer}
        button.secondary{background:#5b6577}form.inline{display:inline}label{margin-right:12px}
        input,select{padding:5px;border:1px solid #c3cad8;border-radius:4px}code,pre{background:#eef2f9;padding:2px 4px;border-radius:4px}
        pre{padding:8px;overflow:auto}.muted{color:#5b6577}
        """;

    /// <summary>Encodes text for HTML content and attributes.</summary>
    /// <param name="value">Any text.</param>
    /// <returns>The encoded text.</returns>
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>Encodes a value for a URL path segment or query value.</summary>
    /// <param name="value">Any text.</param>
    /// <returns>The encoded text.</returns>
    public static string U(string value) => E(Uri.EscapeDataString(value));

    /// <summary>The hidden antiforgery field for a form posted back to the marketplace.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The hidden input.</returns>
    public static string Antiforgery(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery
            ?? throw new InvalidOperationException("Antiforgery services are not registered.");
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">""";
    }

    /// <summary>A complete page in the marketplace layout.</summary>
    /// <param name="title">The title (plain text).</param>
    /// <param name="body">The body (HTML, already encoded).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <returns>The result.</returns>
    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(title)} · Clients marketplace</title><style>{Style}</style></head>
            <body>
            <header><span class="brand">Clients marketplace</span><a href="/">Customers</a><a href="/origami">Origami catalogue</a><a href="/fleet">Fleet</a><a href="/health">Health</a></header>
            <main>
            <h1>{E(title)}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
