using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.Merchants.ApproveMerchant;

/// <summary>A platform admin approves an application; the merchant gets its unique code.</summary>
public sealed record ApproveMerchantCommand(MerchantId MerchantId) : ICommand<Outcome<MerchantDto>>, IRequirePlatformAdmin;
