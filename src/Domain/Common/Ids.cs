namespace CodeScan.Domain.Common;

public readonly record struct MerchantId(Guid Value)
{
    public static MerchantId New() => new(NewId.Next());

    public override string ToString() => Value.ToString();
}

public readonly record struct UserId(Guid Value)
{
    public static UserId New() => new(NewId.Next());

    public override string ToString() => Value.ToString();
}
