using CodeScan.Application.Wallets.RechargeAtCounter;

namespace CodeScan.Api.GraphQL.Types;

public sealed class RechargeAtCounterPayloadType() : PayloadType<RechargeResult, RechargeType>("RechargeAtCounterPayload", "recharge");
