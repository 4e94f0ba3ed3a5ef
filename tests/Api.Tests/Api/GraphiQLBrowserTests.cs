using System.Net;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.MerchantConsole;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Api;

/// <summary>
/// The GraphiQL IDE a browser gets at GET /graphql, used in headless Chromium by tests/clients/console/ide.mjs as a
/// person would: the token written in its headers editor goes with the query over HTTP and into the WebSocket's
/// connection_init, and the schema loads for its docs. Outside Development, or turned off, /graphql answers as before.
/// </summary>
public sealed class GraphiQLBrowserTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    /// <summary>One browser session for both transports: Chromium takes long enough to start on a busy machine.</summary>
    [Fact]
    public async Task Ide_InDevelopment_RunsAQueryAndASubscriptionWithTheTokenWrittenInItsHeaders()
    {
        await using var api = await CodeScanHost.StartAsync(StoreMode.Embedded);
        var token = await api.SignInAsync(CodeScanHost.AdminPhone);

        var page = await UseIdeAsync(api, token);

        Assert.True(page["error"] is null, $"The IDE could not be used: {page}");
        Assert.Equal(200, page["status"]!.GetValue<int>());
        Assert.Contains("script-src 'self';", page["headers"]!["content-security-policy"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"Authorization\": \"Bearer \"", page["headersAtStart"]!.GetValue<string>(), StringComparison.Ordinal);

        // HTTP: the signed-in user's phone in the response pane; the docs show the schema (introspection worked).
        Assert.Contains($"\"phone\": \"{CodeScanHost.AdminPhone}\"", page["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("subscription: Subscription", page["docs"]!.GetValue<string>(), StringComparison.Ordinal);

        // WebSocket: the same headers in connection_init, which the server acknowledged.
        var init = page["framesSent"]!.AsArray().First(frame => frame!["type"]!.GetValue<string>() == "connection_init")!;
        Assert.Equal($"Bearer {token}", init["payload"]!["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Contains(page["framesReceived"]!.AsArray(), frame => frame!["type"]!.GetValue<string>() == "connection_ack");

        // Every file from this origin, Monaco's workers included; no CSP refusal, no worker fallback, no script error.
        var files = page["files"]!.AsArray().Select(file => file!.GetValue<string>()).ToList();
        Assert.Contains(files, file => file.EndsWith("/graphql/ide/graphql.worker.js", StringComparison.Ordinal));
        Assert.All(files, file => Assert.Matches("^(200|304) ", file));
        Assert.Empty(page["consoleErrors"]!.AsArray());
        Assert.Empty(page["pageErrors"]!.AsArray());
    }

    [Fact]
    public async Task GetGraphQL_AsABrowserOutsideDevelopment_IsNotTheIde()
    {
        await using var api = await CodeScanHost.StartProductionAsync(_ => { });

        await AssertNoIdeAsync(api);
    }

    [Fact]
    public async Task GetGraphQL_AsABrowserWhenTurnedOffInDevelopment_IsNotTheIde()
    {
        await using var api = await CodeScanHost.StartAsync(StoreMode.Embedded, s => s["GraphQL:Ide:Enabled"] = "false");

        await AssertNoIdeAsync(api);
    }

    [Fact]
    public async Task GetGraphQL_ForJson_IsStillGraphQLWhileTheIdeIsOn()
    {
        await using var api = await CodeScanHost.StartAsync(StoreMode.Embedded);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.Accept.ParseAdd("application/graphql-response+json, text/html;q=0.5");

        using var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"__typename\":\"Query\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>What GET /graphql always answered a browser: no query, so a GraphQL error as JSON (400), and no IDE file.</summary>
    private static async Task AssertNoIdeAsync(CodeScanHost api)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd(BrowserAccept);

        using var response = await api.Http.SendAsync(request);
        using var script = await api.Http.GetAsync("/graphql/ide/ide.js");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, script.StatusCode);
    }

    private static async Task<JsonNode> UseIdeAsync(CodeScanHost api, string token)
    {
        var chromium = ConsoleBrowser.FindChromium() ?? throw new InvalidOperationException(
            "Chromium was not found (CODESCAN_CHROMIUM, or chromium on PATH): ./scripts/test.sh installs Debian's chromium.");
        using var script = NodeScript.Start("console", "ide.mjs", api.GraphQLUri.ToString(), token, chromium);
        var (exitCode, output) = await script.WaitAsync();
        Assert.True(exitCode == 0, $"ide.mjs exited with {exitCode}: {output}\n{script.Errors}");
        return JsonNode.Parse(output)!;
    }
}
