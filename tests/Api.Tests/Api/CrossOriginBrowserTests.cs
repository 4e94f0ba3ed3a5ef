using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CodeScan.Api.Tests.MerchantConsole;
using CodeScan.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// A page served from one origin calls the API on another from headless Chromium, as a front-end dev server
/// does: a JSON POST with a bearer token, which the browser sends only after a preflight. The page writes what
/// it got into the DOM, which Chromium prints.
/// </summary>
public sealed partial class CrossOriginBrowserTests
{
    [Fact]
    public async Task PageOnALocalDevServer_CallsTheApiWithItsToken()
    {
        await using var api = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var token = await api.SignInAsync(CodeScanHost.AdminPhone);

        var result = await FetchFromAnotherOriginAsync(api, token);

        Assert.StartsWith("ok:", result, StringComparison.Ordinal);
        Assert.Contains(CodeScanHost.AdminPhone, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageOnAnOriginNotAllowed_IsKeptFromTheAnswer()
    {
        await using var api = await CodeScanHost.StartAsync(StoreMode.Embedded, s => s["Cors:AllowLocalhost"] = "false");
        var token = await api.SignInAsync(CodeScanHost.AdminPhone);

        var result = await FetchFromAnotherOriginAsync(api, token);

        Assert.Equal("error:TypeError: Failed to fetch", result);
    }

    /// <summary>Serves the page on its own port (another origin) and returns what it wrote into data-result.</summary>
    private static async Task<string> FetchFromAnotherOriginAsync(CodeScanHost api, string token)
    {
        var page = $$"""
            <!doctype html><html><body><script>
            fetch('{{api.Http.BaseAddress}}graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'authorization': 'Bearer {{token}}' },
              body: JSON.stringify({ query: '{ me { phone } }' }),
            })
              .then(r => r.text()).then(t => document.body.setAttribute('data-result', 'ok:' + t))
              .catch(e => document.body.setAttribute('data-result', 'error:' + e));
            </script></body></html>
            """;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var site = builder.Build();
        site.MapGet("/", () => Results.Content(page, "text/html"));
        await site.StartAsync();

        var chromium = ConsoleBrowser.FindChromium() ?? throw new InvalidOperationException(
            "Chromium was not found (CODESCAN_CHROMIUM, or chromium on PATH): ./scripts/test.sh installs Debian's chromium.");
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom", site.Urls.First() + "/" })
        {
            start.ArgumentList.Add(argument);
        }

        using var browser = Process.Start(start)!;
        var standardError = browser.StandardError.ReadToEndAsync();
        var dom = await browser.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await browser.WaitForExitAsync();
        var match = DataResult().Match(dom);
        Assert.True(match.Success, $"The page wrote no result.\nDOM: {dom}\nChromium: {await standardError}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("data-result=\"([^\"]*)\"")]
    private static partial Regex DataResult();
}
