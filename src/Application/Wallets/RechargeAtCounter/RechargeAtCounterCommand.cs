using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Wallets.RechargeAtCounter;

/// <summary>
/// Merchant staff add stored value for a customer who paid at the counter (cash, the shop's own terminal).
/// A customer the platform does not know yet is registered by their mobile number.
/// </summary>
public sealed record RechargeAtCounterCommand(
    MerchantId MerchantId,
    string CustomerPhone,
    long Amount,
    long Bonus,
    string IdempotencyKey) : ICommand<Outcome<RechargeResult>>, IRequireMerchantStaff, IIdempotentCommand;

public sealed record RechargeResult(
    Guid RechargeId,
    Guid MerchantId,
    Guid CustomerId,
    string CustomerPhoneMasked,
    long Amount,
    long Bonus,
    string Currency,
    long PrincipalAfter,
    long BonusAfter,
    DateTimeOffset CreatedAt);
