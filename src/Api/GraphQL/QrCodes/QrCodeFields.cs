using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.QrCodes;

/// <summary>The merchant QR code: scanMerchant, rotateMerchantQrCode.</summary>
public static class QrCodeFields
{
    public static void AddQrCodeQueries(this ObjectGraphType query)
    {
        // Filled in by the QR code work (issue 3).
        _ = query;
    }

    public static void AddQrCodeMutations(this ObjectGraphType mutation)
    {
        // Filled in by the QR code work (issue 3).
        _ = mutation;
    }
}
