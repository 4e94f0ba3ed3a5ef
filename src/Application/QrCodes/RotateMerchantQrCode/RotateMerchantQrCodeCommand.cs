using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;

namespace CodeScan.Application.QrCodes.RotateMerchantQrCode;

/// <summary>The owner voids every QR code printed so far (a sticker was pasted over, a print went missing).</summary>
public sealed record RotateMerchantQrCodeCommand(MerchantId MerchantId) : ICommand<Outcome<MerchantQrCodeDto>>, IRequireMerchantOwner;
