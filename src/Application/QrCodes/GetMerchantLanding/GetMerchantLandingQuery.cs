using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.QrCodes.GetMerchantLanding;

/// <summary>
/// A phone's ordinary camera opened the QR URL: verify it as the app would and name the merchant. Anyone may
/// ask, so the answer carries nothing but the public name and code — no holdings, no people.
/// </summary>
public sealed record GetMerchantLandingQuery(string? Code, string? Version, string? Signature)
    : IQuery<Outcome<MerchantLanding>>, IAllowAnonymous;

public sealed record MerchantLanding(string Name, string MerchantCode);

public sealed class GetMerchantLandingHandler(IApplicationDbContext db, IMerchantQrCodes qrCodes)
    : IQueryHandler<GetMerchantLandingQuery, Outcome<MerchantLanding>>
{
    public async ValueTask<Outcome<MerchantLanding>> Handle(GetMerchantLandingQuery query, CancellationToken cancellationToken)
    {
        var verified = await db.VerifyAsync(qrCodes.Read(query.Code, query.Version, query.Signature), cancellationToken);
        return verified.IsSuccess
            ? Outcome<MerchantLanding>.Ok(new MerchantLanding(verified.Value!.Profile.Name, verified.Value.Code!.Value))
            : verified.Error!;
    }
}
