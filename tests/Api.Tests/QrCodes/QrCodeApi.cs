using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.QrCodes;

/// <summary>The QR code calls the tests make, over real HTTP.</summary>
internal static class QrCodeApi
{
    public const string ScanMerchant = """
        query($qr: String!) {
          scanMerchant(qr: $qr) {
            merchant { id name status merchantCode }
            wallet { merchantId storedValue { minorUnits currency } principal { minorUnits } bonus { minorUnits } }
            errors { code message path }
          }
        }
        """;

    public const string MerchantQrCode = """
        query($merchantId: ID!) { merchantQrCode(merchantId: $merchantId) { merchantId merchantCode version payload pngPath svgPath } }
        """;

    public const string RotateMerchantQrCode = """
        mutation($input: RotateMerchantQrCodeInput!) {
          rotateMerchantQrCode(input: $input) { qrCode { merchantCode version payload } errors { code message path } }
        }
        """;

    public const string SuspendMerchant = """
        mutation($merchantId: ID!) {
          suspendMerchant(input: { merchantId: $merchantId, reason: "Complaints under review" }) { errors { code message } }
        }
        """;

    public static async Task<JsonObject> ScanAsync(CodeScanHost host, string token, string qr) =>
        (await host.GraphQLAsync(token, ScanMerchant, new { qr })).Data("scanMerchant");

    public static async Task<JsonObject> CurrentCodeAsync(CodeScanHost host, string token, string merchantId) =>
        (await host.GraphQLAsync(token, MerchantQrCode, new { merchantId })).Data("merchantQrCode");

    public static async Task<string> PayloadAsync(MerchantScenario merchant) =>
        (await CurrentCodeAsync(merchant.Host, merchant.OwnerToken, merchant.MerchantId))["payload"]!.GetValue<string>();

    public static async Task<JsonObject> RotateAsync(CodeScanHost host, string token, string merchantId) =>
        (await host.GraphQLAsync(token, RotateMerchantQrCode, new { input = new { merchantId } })).Data("rotateMerchantQrCode");

    public static async Task SuspendAsync(CodeScanHost host, string merchantId)
    {
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var suspended = (await host.GraphQLAsync(admin, SuspendMerchant, new { merchantId })).Data("suspendMerchant");
        Assert.Empty(suspended.ErrorCodes());
    }

    /// <summary>An approved merchant with a name of the test's choosing; returns its id.</summary>
    public static async Task<string> ApprovedMerchantNamedAsync(CodeScanHost host, string name, string ownerPhone)
    {
        var owner = await host.SignInAsync(ownerPhone);
        var admin = await host.SignInAsync(CodeScanHost.AdminPhone);
        var registered = await host.GraphQLAsync(owner, Gql.RegisterMerchant, new
        {
            input = new { name, contactPhone = ownerPhone, businessLicenceNumber = "91310000MA5678", address = "2 Huaihai Road", category = "tea" },
        });
        var merchantId = registered.Data("registerMerchant")["merchant"]!["id"]!.GetValue<string>();
        var approved = await host.GraphQLAsync(admin, Gql.ApproveMerchant, new { input = new { merchantId } });
        Assert.Empty(approved.Data("approveMerchant").ErrorCodes());
        return merchantId;
    }

    public static async Task<HttpResponseMessage> GetAsync(CodeScanHost host, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await host.Http.SendAsync(request);
    }

    /// <summary>The landing page at a payload URL, fetched from the test host (the printed host is the public one).</summary>
    public static Task<HttpResponseMessage> OpenWithCameraAsync(CodeScanHost host, string payload) =>
        GetAsync(host, new Uri(payload).PathAndQuery, token: null);

    /// <summary>The same code with the first character of its signature changed.</summary>
    public static string Tampered(string payload)
    {
        var at = payload.IndexOf("sig=", StringComparison.Ordinal) + 4;
        return payload[..at] + (payload[at] == 'A' ? 'B' : 'A') + payload[(at + 1)..];
    }
}
