using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Redemptions.Redeem;

/// <summary>The signed-in customer pays the merchant from their stored value there.</summary>
public sealed record RedeemCommand(MerchantId MerchantId, long Amount, string IdempotencyKey)
    : ICommand<Outcome<RedemptionResult>>, IRequireSignedIn, IIdempotentCommand;

public sealed record RedemptionResult(
    Guid RedemptionId,
    Guid MerchantId,
    Guid CustomerId,
    string Mode,
    long Amount,
    long FromPrincipal,
    long FromBonus,
    string Currency,
    long PrincipalAfter,
    long BonusAfter,
    DateTimeOffset CreatedAt);
