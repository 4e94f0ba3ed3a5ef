using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Identity;

/// <summary>
/// Issue 10, Development sign-in: <c>GET /development/sms</c> shows the texts the service would have sent, as
/// JSON for scripts and as a page for a browser, by full number. Outside Development it does not exist.
/// </summary>
public sealed class DevelopmentInboxTests
{
    private const string Customer = "13900000171";
    private const string Other = "13900000172";

    [Fact]
    public async Task Inbox_ForANumber_GivesItsLatestCode_WhichSignsIn()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        Assert.Empty((await host.RequestCodeAsync(Customer)).ErrorCodes());
        Assert.Empty((await host.RequestCodeAsync(Other)).ErrorCodes());

        var inbox = await GetJsonAsync(host, $"/development/sms?phone={Customer}");

        Assert.Equal("+86" + Customer, inbox["phone"]!.GetValue<string>());
        var message = Assert.Single(inbox["messages"]!.AsArray())!;
        Assert.Equal("+86" + Customer, message["to"]!.GetValue<string>());
        var code = inbox["latestCode"]!.GetValue<string>();
        Assert.Equal(code, message["code"]!.GetValue<string>());
        Assert.Contains(code, message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull((await host.SignInWithAsync(Customer, code))["accessToken"]?.GetValue<string>());
    }

    [Fact]
    public async Task Inbox_WithoutANumber_ListsEveryText_NewestFirst()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        await host.RequestCodeAsync(Customer);
        await host.RequestCodeAsync(Other);

        var messages = (await GetJsonAsync(host, "/development/sms"))["messages"]!.AsArray();

        Assert.Equal(["+86" + Other, "+86" + Customer], messages.Select(m => m!["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Inbox_InABrowser_IsAPageWithTheFullNumberAndTheCode()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);
        await host.RequestCodeAsync(Customer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/development/sms");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        using var response = await host.Http.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("+86" + Customer, page, StringComparison.Ordinal);
        Assert.Contains($"<b>{host.LatestCode(Customer)}</b>", page, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_ForSomethingThatIsNotANumber_Returns400()
    {
        await using var host = await CodeScanHost.StartAsync(StoreMode.Embedded);

        using var response = await host.Http.GetAsync("/development/sms?phone=%3Cscript%3E");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a mobile number", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task Inbox_OutsideDevelopment_DoesNotExist(string accept)
    {
        await using var host = await CodeScanHost.StartProductionAsync(_ => { });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/development/sms?phone=" + Customer);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var health = await host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<JsonObject> GetJsonAsync(CodeScanHost host, string path)
    {
        using var response = await host.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
