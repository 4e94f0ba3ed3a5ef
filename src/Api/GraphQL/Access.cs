using global::GraphQL.Builders;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL;

/// <summary>
/// Who may call a root field. Every query, mutation and subscription field declares one with
/// <see cref="AccessExtensions.Allow{TSource, TReturn}"/>; the application pipeline enforces the same rule
/// on the message the field sends, and the authorization matrix test checks both agree and that no field
/// is left without a declaration.
/// </summary>
public enum Access
{
    Anonymous,
    SignedIn,
    MerchantStaff,
    MerchantOwner,

    /// <summary>The merchant's owner or one of its analysts: its reports.</summary>
    MerchantAnalyst,

    /// <summary>A platform analyst or a platform admin: the platform's reports.</summary>
    PlatformAnalyst,
    PlatformAdmin,
}

public static class AccessExtensions
{
    public const string MetadataKey = "codescan.access";

    public static FieldBuilder<TSource, TReturn> Allow<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Access access)
    {
        field.FieldType.Metadata[MetadataKey] = access;
        return field;
    }

    public static Access? DeclaredAccess(this FieldType field) =>
        field.HasMetadata(MetadataKey) ? field.GetMetadata<Access>(MetadataKey) : null;
}
