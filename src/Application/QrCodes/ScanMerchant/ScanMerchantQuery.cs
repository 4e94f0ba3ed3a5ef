using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Merchants;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Redemptions.GetQuote;
using Mediator;

namespace CodeScan.Application.QrCodes.ScanMerchant;

/// <summary>
/// The customer's app scanned a merchant's QR code: verify it (signature, version, status) and show the
/// merchant with what the customer holds there.
/// </summary>
public sealed record ScanMerchantQuery(string Qr, long? Amount = null) : IQuery<Outcome<ScanMerchantResult>>, IRequireSignedIn;

/// <summary>The verified merchant and the signed-in customer's holdings there (read model).</summary>
public sealed record ScanMerchantResult(MerchantDto Merchant, WalletView Wallet)
{
    /// <summary>The price preview, when the customer entered the bill.</summary>
    public QuoteResult? Quote { get; init; }
}
