namespace CodeScan.Api.Endpoints;

public static class QrCodeEndpoints
{
    /// <summary>QR images for the merchant's staff and the public landing page at the QR URL (issue 3).</summary>
    public static IEndpointRouteBuilder MapQrCodeEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
