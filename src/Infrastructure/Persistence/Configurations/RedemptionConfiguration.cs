using CodeScan.Domain.Redemptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Configurations;

internal sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> builder)
    {
        builder.ToTable("redemptions", t => t.HasCheckConstraint(
            "ck_redemptions_reversed",
            "reversed_principal >= 0 AND reversed_principal <= from_principal AND reversed_bonus >= 0 AND reversed_bonus <= from_bonus AND reversed_uses >= 0 AND reversed_uses <= uses"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.MerchantId).HasColumnName("merchant_id");
        builder.Property(r => r.CustomerId).HasColumnName("customer_id");
        builder.Property(r => r.Mode).HasColumnName("mode").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ActedBy).HasColumnName("acted_by");
        builder.Property(r => r.Amount).HasColumnName("amount");
        builder.Property(r => r.MembershipCardId).HasColumnName("membership_card_id");
        builder.Property(r => r.MembershipDiscount).HasColumnName("membership_discount");
        builder.Property(r => r.CouponId).HasColumnName("coupon_id");
        builder.Property(r => r.CouponDiscount).HasColumnName("coupon_discount");
        builder.Property(r => r.TimesCardId).HasColumnName("times_card_id");
        builder.Property(r => r.Uses).HasColumnName("uses");
        builder.Property(r => r.FromPrincipal).HasColumnName("from_principal");
        builder.Property(r => r.FromBonus).HasColumnName("from_bonus");
        builder.Property(r => r.PaidOutside).HasColumnName("paid_outside");
        builder.Property(r => r.RevenueRecognised).HasColumnName("revenue_recognised");
        builder.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.ReversedPrincipal).HasColumnName("reversed_principal");
        builder.Property(r => r.ReversedBonus).HasColumnName("reversed_bonus");
        builder.Property(r => r.ReversedUses).HasColumnName("reversed_uses");
        builder.Property(r => r.FullyReversed).HasColumnName("fully_reversed");
        builder.Ignore(r => r.Breakdown);
        builder.Ignore(r => r.StoredValueLeftToReverse);
        builder.Ignore(r => r.UsesLeftToReverse);
        builder.HasIndex(r => new { r.MerchantId, r.CreatedAt });
        builder.HasIndex(r => new { r.CustomerId, r.CreatedAt });
        builder.Ignore(r => r.DomainEvents);
    }
}

internal sealed class RedemptionReversalConfiguration : IEntityTypeConfiguration<RedemptionReversal>
{
    public void Configure(EntityTypeBuilder<RedemptionReversal> builder)
    {
        builder.ToTable("redemption_reversals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.RedemptionId).HasColumnName("redemption_id");
        builder.Property(r => r.MerchantId).HasColumnName("merchant_id");
        builder.Property(r => r.CustomerId).HasColumnName("customer_id");
        builder.Property(r => r.Mode).HasColumnName("mode").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.PrincipalRestored).HasColumnName("principal_restored");
        builder.Property(r => r.BonusRestored).HasColumnName("bonus_restored");
        builder.Property(r => r.UsesRestored).HasColumnName("uses_restored");
        builder.Property(r => r.TimesCardId).HasColumnName("times_card_id");
        builder.Property(r => r.CouponId).HasColumnName("coupon_id");
        builder.Property(r => r.CouponRestored).HasColumnName("coupon_restored");
        builder.Property(r => r.RevenueReversed).HasColumnName("revenue_reversed");
        builder.Property(r => r.OutsideToRefund).HasColumnName("outside_to_refund");
        builder.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(RedemptionReversal.MaxReasonLength);
        builder.Property(r => r.ReversedBy).HasColumnName("reversed_by");
        builder.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Ignore(r => r.StoredValueRestored);
        builder.HasIndex(r => r.RedemptionId);
        builder.HasIndex(r => new { r.MerchantId, r.CreatedAt });
        builder.Ignore(r => r.DomainEvents);
    }
}

internal sealed class WriteOffCodeConfiguration : IEntityTypeConfiguration<WriteOffCode>
{
    public void Configure(EntityTypeBuilder<WriteOffCode> builder)
    {
        builder.ToTable("write_off_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.CodeHash).HasColumnName("code_hash").HasMaxLength(64);
        builder.Property(c => c.MerchantId).HasColumnName("merchant_id");
        builder.Property(c => c.CustomerId).HasColumnName("customer_id");
        builder.Property(c => c.Target).HasColumnName("target").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.InstrumentId).HasColumnName("instrument_id");
        builder.Property(c => c.Uses).HasColumnName("uses").HasDefaultValue(1);
        builder.Property(c => c.CreatedAt).HasColumnName("created_at");
        builder.Property(c => c.ExpiresAt).HasColumnName("expires_at");
        builder.Property(c => c.UsedAt).HasColumnName("used_at");
        builder.Property(c => c.RedemptionId).HasColumnName("redemption_id");
        builder.HasIndex(c => c.CodeHash).IsUnique();
        builder.HasIndex(c => new { c.CustomerId, c.CreatedAt });
        builder.HasIndex(c => c.InstrumentId);
        builder.Ignore(c => c.DomainEvents);
    }
}
