using CodeScan.Application.Common.Security;
using CodeScan.Application.Merchants;
using CodeScan.Domain.Merchants;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Types;

public sealed class MerchantType : ObjectGraphType<MerchantDto>
{
    public const string TypeName = "Merchant";

    public MerchantType()
    {
        Name = TypeName;
        Description = "A business on the platform. Public: name, category, status, code. Back-office details: its staff and platform admins only.";
        Interface<NodeInterface>();
        IsTypeOf = source => source is MerchantDto;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("category").Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<StringGraphType>>("address").Resolve(ctx => ctx.Source.Address);
        Field<NonNullGraphType<LocaleType>>("locale").Resolve(ctx => ctx.Source.Locale);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<MerchantStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<StringGraphType>("merchantCode").Description("The unique code behind the QR code; set on approval.").Resolve(ctx => ctx.Source.MerchantCode);
        Field<NonNullGraphType<StringGraphType>>("timeZone")
            .Description("The IANA time zone its days are counted in (sales reports), e.g. Asia/Shanghai; the owner sets it with setMerchantTimeZone.")
            .Resolve(ctx => ctx.Source.TimeZone);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("appliedAt").Resolve(ctx => ctx.Source.AppliedAt);
        Field<DateTimeOffsetGraphType>("reviewedAt").Resolve(ctx => ctx.Source.ReviewedAt);

        // Back-office fields are nullable: for anyone else each is null with a FORBIDDEN error at its path,
        // and the rest of the merchant (and of the answer) stands.
        Field<StringGraphType>("contactPhone")
            .Description("The owner, cashiers and platform admins only (null with a FORBIDDEN error for anyone else, analysts included: they see no full phone number).")
            .Resolve(ctx => StaffOrAdmin(ctx).ContactPhone);
        Field<StringGraphType>("businessLicenceNumber")
            .Description("Staff (analysts included) and platform admins only (null with a FORBIDDEN error for anyone else).")
            .Resolve(ctx => OnStaffOrAdmin(ctx).BusinessLicenceNumber);
        Field<ListGraphType<NonNullGraphType<MerchantDecisionType>>>("decisions")
            .Description("Every review decision, oldest first: who, when, why. Staff (analysts included) and platform admins only (null with a FORBIDDEN error for anyone else).")
            .Resolve(ctx => OnStaffOrAdmin(ctx).Decisions);
        Field<ListGraphType<NonNullGraphType<StaffMemberType>>>("staff")
            .Description("The owner, the active cashiers and analysts. The owner and platform admins only (null with a FORBIDDEN error for anyone else, cashiers included).")
            .Resolve(ctx => OwnerOrAdmin(ctx).Staff);
    }

    private static MerchantDto StaffOrAdmin(IResolveFieldContext<MerchantDto> context) =>
        Allowed(context, user => context.Source.IsStaff(user)) ? context.Source : throw Forbidden("this merchant's owner, cashiers and platform admins");

    private static MerchantDto OnStaffOrAdmin(IResolveFieldContext<MerchantDto> context) =>
        Allowed(context, user => context.Source.IsOnStaff(user)) ? context.Source : throw Forbidden("this merchant's staff and platform admins");

    private static MerchantDto OwnerOrAdmin(IResolveFieldContext<MerchantDto> context) =>
        Allowed(context, user => context.Source.OwnerId == user) ? context.Source : throw Forbidden("this merchant's owner and platform admins");

    private static bool Allowed(IResolveFieldContext context, Func<Guid, bool> isMember)
    {
        var user = context.RequestServices!.GetRequiredService<ICurrentUser>();
        return user.IsPlatformAdmin || (user.Id is { } id && isMember(id.Value));
    }

    private static ExecutionError Forbidden(string who) => new($"Only {who} may see this.") { Code = "FORBIDDEN" };
}

public sealed class MerchantDecisionType : ObjectGraphType<MerchantDecisionDto>
{
    public MerchantDecisionType()
    {
        Name = "MerchantDecision";
        Field<NonNullGraphType<MerchantDecisionKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("decidedBy").Description("The user who decided (a platform admin, or the applicant for a resubmission).").Resolve(ctx => GlobalId.Encode("User", ctx.Source.DecidedBy));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("decidedAt").Resolve(ctx => ctx.Source.DecidedAt);
        Field<StringGraphType>("reason").Resolve(ctx => ctx.Source.Reason);
    }
}

public sealed class MerchantDecisionKindType : EnumerationGraphType<MerchantDecisionKind>
{
    public MerchantDecisionKindType() => Name = "MerchantDecisionKind";
}

public sealed class StaffRoleType : EnumerationGraphType<StaffRole>
{
    public StaffRoleType() => Name = "StaffRole";
}

public sealed class StaffMemberType : ObjectGraphType<StaffMemberDto>
{
    public StaffMemberType()
    {
        Name = "StaffMember";
        Field<NonNullGraphType<IdGraphType>>("userId").Resolve(ctx => GlobalId.Encode("User", ctx.Source.UserId));
        Field<StringGraphType>("phone").Resolve(ctx => ctx.Source.Phone);
        Field<NonNullGraphType<StaffRoleType>>("role").Resolve(ctx => ctx.Source.Role);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("addedAt").Resolve(ctx => ctx.Source.AddedAt);
    }
}
