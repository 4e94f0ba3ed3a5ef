using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
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

public sealed class PaymentModeType : EnumerationGraphType
{
    public PaymentModeType()
    {
        Name = "PaymentMode";
        Add("STORED_VALUE", "StoredValue", "Stored value: principal first, then bonus.");
    }
}
