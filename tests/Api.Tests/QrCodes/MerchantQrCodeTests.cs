using System.Net;
using System.Xml.Linq;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.QrCodes;

/// <summary>
/// Issue 3, the merchant QR code: the PNG staff print decodes to the signed URL and the app accepts it;
/// a tampered, rotated, suspended or garbage code is refused with its own error code.
/// </summary>
public abstract class MerchantQrCodeTests(StoreMode mode)
{
    private const string PublicBase = "http://127.0.0.1:5080/s/";

    [Fact]
    public async Task Png_WhenDecoded_IsTheSignedUrlThatScanMerchantAcceptsWithTheCustomersHoldings()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var (_, customer) = await merchant.FundedCustomerAsync(12_345);
        await host.WaitForProjectionsAsync();
        var current = await QrCodeApi.CurrentCodeAsync(host, merchant.OwnerToken, merchant.MerchantId);
        var merchantCode = current["merchantCode"]!.GetValue<string>();

        using var response = await QrCodeApi.GetAsync(host, current["pngPath"]!.GetValue<string>() + "?size=512", merchant.OwnerToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains(merchantCode, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var png = await response.Content.ReadAsByteArrayAsync();
        var (width, height) = PngQrDecoder.Size(png);
        Assert.InRange(width, 400, 512);
        Assert.Equal(width, height);

        var decoded = PngQrDecoder.Decode(png);
        Assert.StartsWith($"{PublicBase}{merchantCode}?v=1&sig=", decoded, StringComparison.Ordinal);
        Assert.Equal(current["payload"]!.GetValue<string>(), decoded);

        var scanned = await QrCodeApi.ScanAsync(host, customer, decoded);
        Assert.Empty(scanned.ErrorCodes());
        Assert.Equal(merchant.MerchantId, scanned["merchant"]!["id"]!.GetValue<string>());
        Assert.Equal("Tea House", scanned["merchant"]!["name"]!.GetValue<string>());
        Assert.Equal(merchantCode, scanned["merchant"]!["merchantCode"]!.GetValue<string>());
        Assert.Equal(merchant.MerchantId, scanned["wallet"]!["merchantId"]!.GetValue<string>());
        Assert.Equal(12_345, scanned["wallet"]!["storedValue"]!["minorUnits"]!.GetValue<long>());
        Assert.Equal(12_345, scanned["wallet"]!["principal"]!["minorUnits"]!.GetValue<long>());
    }

    [Fact]
    public async Task Scan_WhenCustomerHoldsNothingThere_ReturnsAnEmptyWalletInTheMerchantsCurrency()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());

        var scanned = await QrCodeApi.ScanAsync(host, customer, await QrCodeApi.PayloadAsync(merchant));

        Assert.Empty(scanned.ErrorCodes());
        Assert.Equal(0, scanned["wallet"]!["storedValue"]!["minorUnits"]!.GetValue<long>());
        Assert.Equal("CNY", scanned["wallet"]!["storedValue"]!["currency"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scan_WhenSignatureTampered_IsRefusedWithQrCodeSignatureInvalid()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var payload = await QrCodeApi.PayloadAsync(merchant);

        var scanned = await QrCodeApi.ScanAsync(host, customer, QrCodeApi.Tampered(payload));

        Assert.Equal(["QR_CODE_SIGNATURE_INVALID"], scanned.ErrorCodes());
        Assert.Null(scanned["merchant"]);
        Assert.Null(scanned["wallet"]);
    }

    [Fact]
    public async Task Scan_WhenCodeIsForAnotherMerchantWithThisSignature_IsRefusedWithQrCodeSignatureInvalid()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var first = await MerchantScenario.ApprovedAsync(host);
        var second = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var firstPayload = await QrCodeApi.PayloadAsync(first);
        var secondCode = (await QrCodeApi.CurrentCodeAsync(host, second.OwnerToken, second.MerchantId))["merchantCode"]!.GetValue<string>();

        // A sticker printed for one shop, its code swapped for another's: the signature no longer fits.
        var swapped = firstPayload.Replace(firstPayload[PublicBase.Length..(PublicBase.Length + 9)], secondCode, StringComparison.Ordinal);
        var scanned = await QrCodeApi.ScanAsync(host, customer, swapped);

        Assert.Equal(["QR_CODE_SIGNATURE_INVALID"], scanned.ErrorCodes());
    }

    [Fact]
    public async Task Scan_WhenCodeIsFromBeforeARotation_IsRefusedWithQrCodeOutdatedAndTheNewOneScans()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var before = await QrCodeApi.PayloadAsync(merchant);

        var rotated = await QrCodeApi.RotateAsync(host, merchant.OwnerToken, merchant.MerchantId);

        Assert.Empty(rotated.ErrorCodes());
        Assert.Equal(2, rotated["qrCode"]!["version"]!.GetValue<int>());
        var after = rotated["qrCode"]!["payload"]!.GetValue<string>();
        Assert.Contains("?v=2&sig=", after, StringComparison.Ordinal);
        Assert.Equal(after, await QrCodeApi.PayloadAsync(merchant));
        Assert.Equal(["QR_CODE_OUTDATED"], (await QrCodeApi.ScanAsync(host, customer, before)).ErrorCodes());
        Assert.Empty((await QrCodeApi.ScanAsync(host, customer, after)).ErrorCodes());
    }

    [Fact]
    public async Task Rotate_WhenCallerIsACustomerOrAnotherOwner_IsForbiddenAndTheCodeStillScans()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var payload = await QrCodeApi.PayloadAsync(merchant);

        var byCustomer = await host.GraphQLAsync(customer, QrCodeApi.RotateMerchantQrCode, new { input = new { merchantId = merchant.MerchantId } });
        var byOtherOwner = await host.GraphQLAsync(other.OwnerToken, QrCodeApi.RotateMerchantQrCode, new { input = new { merchantId = merchant.MerchantId } });
        var anonymous = await host.GraphQLAsync(null, QrCodeApi.RotateMerchantQrCode, new { input = new { merchantId = merchant.MerchantId } });

        Assert.Equal("FORBIDDEN", byCustomer.GraphQLErrorCode());
        Assert.Equal("FORBIDDEN", byOtherOwner.GraphQLErrorCode());
        Assert.Equal("UNAUTHENTICATED", anonymous.GraphQLErrorCode());
        Assert.Empty((await QrCodeApi.ScanAsync(host, customer, payload)).ErrorCodes());
    }

    [Fact]
    public async Task Scan_WhenMerchantIsSuspended_IsRefusedWithMerchantSuspended()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var payload = await QrCodeApi.PayloadAsync(merchant);

        await QrCodeApi.SuspendAsync(host, merchant.MerchantId);

        var scanned = await QrCodeApi.ScanAsync(host, customer, payload);
        Assert.Equal(["MERCHANT_SUSPENDED"], scanned.ErrorCodes());
        Assert.Null(scanned["merchant"]);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("https://example.com/s/M23456789?v=1&sig=AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("http://127.0.0.1:5080/s/not-a-code?v=1&sig=AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("http://127.0.0.1:5080/s/M23456789?v=x&sig=AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("http://127.0.0.1:5080/s/M23456789?v=1")]
    [InlineData("   ")]
    public async Task Scan_WhenTextIsNotOneOfOurCodes_IsRefusedWithQrCodeMalformed(string garbage)
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var customer = await host.SignInAsync(Phones.Next());

        var scanned = await QrCodeApi.ScanAsync(host, customer, garbage);

        Assert.Equal(["QR_CODE_MALFORMED"], scanned.ErrorCodes());
    }

    [Fact]
    public async Task Scan_WhenTextIs10000Characters_IsRefusedWithQrCodeMalformed()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());
        var payload = await QrCodeApi.PayloadAsync(merchant);

        // A real code padded out: only its length is wrong.
        var scanned = await QrCodeApi.ScanAsync(host, customer, payload + "&pad=" + new string('x', 10_000 - payload.Length - 5));

        Assert.Equal(["QR_CODE_MALFORMED"], scanned.ErrorCodes());
    }

    [Fact]
    public async Task Scan_WhenAnonymous_IsUnauthenticated()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);

        var response = await host.GraphQLAsync(null, QrCodeApi.ScanMerchant, new { qr = await QrCodeApi.PayloadAsync(merchant) });
        var garbage = await host.GraphQLAsync(null, QrCodeApi.ScanMerchant, new { qr = "hello" });

        Assert.Equal("UNAUTHENTICATED", response.GraphQLErrorCode());
        Assert.Equal("UNAUTHENTICATED", garbage.GraphQLErrorCode());
    }

    [Fact]
    public async Task Svg_WhenStaffAsk_IsAnSvgDocumentWithNoStore()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);

        using var response = await QrCodeApi.GetAsync(host, $"/merchants/{merchant.MerchantId}/qr.svg", merchant.OwnerToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.EndsWith(".svg", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Root!.Name);
        Assert.NotNull(svg.Root.Attribute("viewBox"));
        Assert.NotEmpty(svg.Root.Descendants());
    }

    [Fact]
    public async Task Png_WhenSizeIsOutOfRange_Returns400()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);

        using var tooSmall = await QrCodeApi.GetAsync(host, $"/merchants/{merchant.MerchantId}/qr.png?size=16", merchant.OwnerToken);
        using var notANumber = await QrCodeApi.GetAsync(host, $"/merchants/{merchant.MerchantId}/qr.png?size=big", merchant.OwnerToken);
        using var byDefault = await QrCodeApi.GetAsync(host, $"/merchants/{merchant.MerchantId}/qr.png", merchant.OwnerToken);

        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byDefault.StatusCode);
        Assert.InRange(PngQrDecoder.Size(await byDefault.Content.ReadAsByteArrayAsync()).Width, 900, 1024);
    }

    [Fact]
    public async Task Images_WhenCallerIsStaffOfAnotherMerchant_Return403()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var other = await MerchantScenario.ApprovedAsync(host);
        var customer = await host.SignInAsync(Phones.Next());

        using var png = await QrCodeApi.GetAsync(host, $"/merchants/{merchant.MerchantId}/qr.png", other.OwnerToken);
        using var svg = await QrCodeApi.GetAsync(host, $"/merchants/{merchant.MerchantId}/qr.svg", other.OwnerToken);
        using var byCustomer = await QrCodeApi.GetAsync(host, $"/merchants/{merchant.MerchantId}/qr.png", customer);

        Assert.Equal(HttpStatusCode.Forbidden, png.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, svg.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
    }

    [Fact]
    public async Task Images_WhenAnonymousOrTokenInvalid_Return401()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);

        using var anonymous = await QrCodeApi.GetAsync(host, $"/merchants/{merchant.MerchantId}/qr.png", token: null);
        using var forged = await QrCodeApi.GetAsync(host, $"/merchants/{merchant.MerchantId}/qr.svg", merchant.OwnerToken + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Images_WhenMerchantIsUnknown_Return404()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var someone = await host.SignInAsync(Phones.Next());

        using var unknown = await QrCodeApi.GetAsync(host, $"/merchants/{Guid.NewGuid()}/qr.png", someone);
        using var anonymous = await QrCodeApi.GetAsync(host, $"/merchants/{Guid.NewGuid()}/qr.png?size=1", token: null);
        using var garbage = await QrCodeApi.GetAsync(host, "/merchants/not-an-id/qr.svg", someone);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task LandingPage_WhenCodeIsValid_ShowsTheEncodedMerchantNameAndNoPersonalData()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var ownerPhone = Phones.Next();
        var merchantId = await QrCodeApi.ApprovedMerchantNamedAsync(host, "<script>alert(1)</script> Tea", ownerPhone);
        var owner = await host.SignInAsync(ownerPhone);
        var payload = (await QrCodeApi.CurrentCodeAsync(host, owner, merchantId))["payload"]!.GetValue<string>();

        using var response = await QrCodeApi.OpenWithCameraAsync(host, payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Tea", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CodeScan", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ownerPhone[^8..], html, StringComparison.Ordinal);
        Assert.DoesNotContain("2 Huaihai Road", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task LandingPage_WhenSignatureTampered_IsANotValidPage()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var payload = await QrCodeApi.PayloadAsync(merchant);

        using var response = await QrCodeApi.OpenWithCameraAsync(host, QrCodeApi.Tampered(payload));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("此二维码无效", html, StringComparison.Ordinal);
        Assert.Contains("not valid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tea House", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task LandingPage_WhenCodeWasRotatedOrMerchantSuspended_IsGone()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var merchant = await MerchantScenario.ApprovedAsync(host);
        var before = await QrCodeApi.PayloadAsync(merchant);
        var after = (await QrCodeApi.RotateAsync(host, merchant.OwnerToken, merchant.MerchantId))["qrCode"]!["payload"]!.GetValue<string>();

        using var outdated = await QrCodeApi.OpenWithCameraAsync(host, before);
        using var current = await QrCodeApi.OpenWithCameraAsync(host, after);
        await QrCodeApi.SuspendAsync(host, merchant.MerchantId);
        using var suspended = await QrCodeApi.OpenWithCameraAsync(host, after);

        Assert.Equal(HttpStatusCode.Gone, outdated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, suspended.StatusCode);
        Assert.Contains("此二维码无效", await suspended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class EmbeddedMerchantQrCodeTests() : MerchantQrCodeTests(StoreMode.Embedded);

public sealed class MariaDbMerchantQrCodeTests() : MerchantQrCodeTests(StoreMode.MariaDbRedis);
