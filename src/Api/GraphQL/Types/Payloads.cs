using CodeScan.Application.Merchants;

namespace CodeScan.Api.GraphQL.Types;

public sealed class RegisterMerchantPayloadType() : PayloadType<MerchantDto, MerchantType>("RegisterMerchantPayload", "merchant");

public sealed class ApproveMerchantPayloadType() : PayloadType<MerchantDto, MerchantType>("ApproveMerchantPayload", "merchant");
