using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Merchants.RegisterMerchant;

/// <summary>A signed-in user applies to sell on the platform; the applicant becomes the owner.</summary>
public sealed record RegisterMerchantCommand(
    string Name,
    string ContactPhone,
    string BusinessLicenceNumber,
    string Address,
    string Category,
    string? Locale,
    string? Currency) : ICommand<Outcome<MerchantDto>>, IRequireSignedIn;
