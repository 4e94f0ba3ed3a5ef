using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Common.Validation;
using CodeScan.Application.Merchants;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Redemptions.GetQuote;
using Mediator;

namespace CodeScan.Application.QrCodes.ScanMerchant;

public sealed class ScanMerchantHandler(
    IApplicationDbContext db,
    IMerchantQrCodes qrCodes,
    IReadModelStore store,
    Quotes quotes,
    ICurrentUser currentUser) : IQueryHandler<ScanMerchantQuery, Outcome<ScanMerchantResult>>
{
    public async ValueTask<Outcome<ScanMerchantResult>> Handle(ScanMerchantQuery query, CancellationToken cancellationToken)
    {
        // No validator: whatever a camera saw (empty, 10,000 characters) is an answer, QR_CODE_MALFORMED,
        // given after authorization like every other outcome of a scan.
        var verified = await db.VerifyAsync(qrCodes.Read(query.Qr), cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified.Error!;
        }

        var merchant = verified.Value!;
        var customerId = currentUser.RequiredId.Value;

        // Nothing held yet is an empty wallet in the merchant's currency, as the wallet query answers.
        var wallet = await store.GetWalletAsync(merchant.Id.Value, customerId, cancellationToken)
            ?? WalletView.Empty(merchant.Id.Value, customerId, merchant.Currency);
        if (query.Amount is { } entered && Rules.Amount(entered) is { } badAmount)
        {
            return badAmount;
        }

        var quote = query.Amount is { } amount ? await quotes.ForAsync(merchant, currentUser.RequiredId, amount, cancellationToken) : null;
        return Outcome<ScanMerchantResult>.Ok(new ScanMerchantResult(MerchantDto.From(merchant), wallet) { Quote = quote });
    }
}
