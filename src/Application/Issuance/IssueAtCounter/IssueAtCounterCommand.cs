using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Issuance.IssueAtCounter;

/// <summary>
/// Merchant staff issue a card, a coupon or stored value to a customer who paid offline. Recorded with the
/// staff member; a mobile number the platform does not know yet is registered.
/// </summary>
public sealed record IssueAtCounterCommand(MerchantId MerchantId, string CustomerPhone, CatalogItemRef? Item, string IdempotencyKey)
    : ICommand<Outcome<IssuedInstrument>>, IRequireMerchantStaff, IIdempotentCommand;
