using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class MerchantStatusType : EnumerationGraphType<MerchantStatus>
{
    public MerchantStatusType() => Name = "MerchantStatus";
}

public sealed class UserErrorCodeType : EnumerationGraphType<ErrorCode>
{
    public UserErrorCodeType() => Name = "UserErrorCode";
}

public sealed class AlertKindType : EnumerationGraphType<AlertKind>
{
    public AlertKindType() => Name = "AlertKind";
}

public sealed class LocaleType : EnumerationGraphType
{
    public LocaleType()
    {
        Name = "Locale";
        Description = "A language for texts people read or hear.";
        Add("ZH_CN", Locales.ZhCn, "Simplified Chinese (the default).");
        Add("EN_US", Locales.EnUs, "US English.");
    }
}

public sealed class PaymentModeType : EnumerationGraphType<RedemptionMode>
{
    public PaymentModeType()
    {
        Name = "PaymentMode";
        Description = "How the customer pays at the till.";
    }
}

public sealed class RestPaymentType : EnumerationGraphType<RestPayment>
{
    public RestPaymentType()
    {
        Name = "RestPayment";
        Description = "How the part of a bill that discounts do not cover is paid: from stored value, or OUTSIDE the platform at the till (cash, bank card).";
    }
}

public sealed class RedemptionChannelType : EnumerationGraphType<RedemptionChannel>
{
    public RedemptionChannelType()
    {
        Name = "RedemptionChannel";
        Description = "CUSTOMER_SCAN: the customer confirmed after scanning; STAFF_WRITE_OFF: a cashier redeemed the customer's write-off code.";
    }
}

public sealed class WriteOffTargetType : EnumerationGraphType<WriteOffTarget>
{
    public WriteOffTargetType() => Name = "WriteOffTarget";
}
