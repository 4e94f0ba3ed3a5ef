using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Merchants;

namespace CodeScan.Api.GraphQL.Merchants;

/// <summary>The payload of the review decisions, resubmission and cashier changes: the merchant as it now is.</summary>
public sealed class MerchantPayloadType() : PayloadType<MerchantDto, MerchantType>("MerchantPayload", "merchant");
