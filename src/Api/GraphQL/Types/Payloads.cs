using CodeScan.Application.Merchants;
using CodeScan.Application.Wallets.RechargeAtCounter;

namespace CodeScan.Api.GraphQL.Types;

public sealed class RegisterMerchantPayloadType() : PayloadType<MerchantDto, MerchantType>("RegisterMerchantPayload", "merchant");

public sealed class ApproveMerchantPayloadType() : PayloadType<MerchantDto, MerchantType>("ApproveMerchantPayload", "merchant");

public sealed class RechargeAtCounterPayloadType() : PayloadType<RechargeResult, RechargeType>("RechargeAtCounterPayload", "recharge");
