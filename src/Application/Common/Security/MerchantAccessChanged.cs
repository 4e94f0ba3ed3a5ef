namespace CodeScan.Application.Common.Security;

/// <summary>
/// Announced on <see cref="ReadModels.Channels.MerchantAccess"/> when who may act for a merchant may have
/// shrunk: live feeds of that merchant check their subscriber again. It carries no verdict on purpose; the
/// write model is the only authority.
/// </summary>
public sealed record MerchantAccessChanged(Guid MerchantId);
