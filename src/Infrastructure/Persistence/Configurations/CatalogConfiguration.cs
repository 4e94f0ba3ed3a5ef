using CodeScan.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Configurations;

internal static class CatalogMapping
{
    public static void MapCatalogItem<T>(this EntityTypeBuilder<T> builder, string table)
        where T : CatalogItem
    {
        builder.ToTable(table);
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasColumnName("id");
        builder.Property(i => i.MerchantId).HasColumnName("merchant_id");
        builder.Property(i => i.Name).HasColumnName("name").HasMaxLength(CatalogItem.MaxNameLength);
        builder.Property(i => i.Price).HasColumnName("price");
        builder.Property(i => i.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(i => i.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.CreatedAt).HasColumnName("created_at");
        builder.Property(i => i.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Ignore(i => i.IsOnSale);
        builder.Ignore(i => i.DomainEvents);
        builder.HasIndex(i => new { i.MerchantId, i.Status });
    }

    public static void MapValidity<T>(this OwnedNavigationBuilder<T, Validity> validity)
        where T : class
    {
        validity.Property(v => v.Days).HasColumnName("validity_days");
        validity.Property(v => v.StartsAt).HasColumnName("validity_starts_at");
        validity.Property(v => v.EndsAt).HasColumnName("validity_ends_at");
    }

    public static void MapTerms<T>(this OwnedNavigationBuilder<T, CouponTerms> terms)
        where T : class
    {
        terms.Property(t => t.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        terms.Property(t => t.AmountOff).HasColumnName("amount_off");
        terms.Property(t => t.PercentOff).HasColumnName("percent_off");
        terms.Property(t => t.Cap).HasColumnName("cap");
        terms.Property(t => t.Threshold).HasColumnName("threshold");
        terms.Property(t => t.GiftName).HasColumnName("gift_name").HasMaxLength(CouponTerms.MaxGiftNameLength);
    }
}

internal sealed class CardProductConfiguration : IEntityTypeConfiguration<CardProduct>
{
    public void Configure(EntityTypeBuilder<CardProduct> builder)
    {
        builder.MapCatalogItem("card_products");
        builder.Property(p => p.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Uses).HasColumnName("uses");
        builder.Property(p => p.PayRateBasisPoints).HasColumnName("pay_rate_bp");
        builder.OwnsOne(p => p.Validity, v => v.MapValidity());
        builder.Navigation(p => p.Validity).IsRequired();
    }
}

internal sealed class RechargePlanConfiguration : IEntityTypeConfiguration<RechargePlan>
{
    public void Configure(EntityTypeBuilder<RechargePlan> builder)
    {
        builder.MapCatalogItem("recharge_plans");
        builder.Property(p => p.PayEvery).HasColumnName("pay_every");
        builder.Property(p => p.BonusEach).HasColumnName("bonus_each");
        builder.Property(p => p.MinAmount).HasColumnName("min_amount");
        builder.Property(p => p.MaxAmount).HasColumnName("max_amount");
    }
}

internal sealed class CouponTemplateConfiguration : IEntityTypeConfiguration<CouponTemplate>
{
    public void Configure(EntityTypeBuilder<CouponTemplate> builder)
    {
        builder.MapCatalogItem("coupon_templates");
        builder.ToTable("coupon_templates", t => t.HasCheckConstraint("ck_coupon_templates_stock", "issued_count >= 0 AND issued_count <= total_stock"));
        builder.OwnsOne(t => t.Terms, t => t.MapTerms());
        builder.Navigation(t => t.Terms).IsRequired();
        builder.OwnsOne(t => t.Validity, v => v.MapValidity());
        builder.Navigation(t => t.Validity).IsRequired();
        builder.Property(t => t.TotalStock).HasColumnName("total_stock");
        builder.Property(t => t.IssuedCount).HasColumnName("issued_count");
        builder.Property(t => t.PerCustomerLimit).HasColumnName("per_customer_limit");
        builder.Ignore(t => t.IsFree);
    }
}
