using CodeScan.Domain.Instruments;
using CodeScan.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Configurations;

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> builder)
    {
        builder.ToTable("cards");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.MerchantId).HasColumnName("merchant_id");
        builder.Property(c => c.CustomerId).HasColumnName("customer_id");
        builder.Property(c => c.ProductId).HasColumnName("product_id");
        builder.Property(c => c.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Name).HasColumnName("name").HasMaxLength(60);
        builder.Property(c => c.UsesGranted).HasColumnName("uses_granted");
        builder.Property(c => c.PayRateBasisPoints).HasColumnName("pay_rate_bp");
        builder.Property(c => c.ValidFrom).HasColumnName("valid_from");
        builder.Property(c => c.ExpiresAt).HasColumnName("expires_at");
        builder.Property(c => c.Source).HasColumnName("source").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OrderId).HasColumnName("order_id");
        builder.Property(c => c.IssuedBy).HasColumnName("issued_by");
        builder.Property(c => c.IssuedAt).HasColumnName("issued_at");
        builder.Property(c => c.AmountPaid).HasColumnName("amount_paid");
        builder.Property(c => c.UsesUsed).HasColumnName("uses_used");
        builder.Ignore(c => c.UsesLeft);
        builder.ToTable(t => t.HasCheckConstraint("ck_cards_uses", "uses_granted IS NULL OR (uses_used >= 0 AND uses_used <= uses_granted)"));
        builder.HasIndex(c => new { c.MerchantId, c.CustomerId });
        builder.HasIndex(c => new { c.MerchantId, c.IssuedAt });
        builder.HasIndex(c => c.OrderId).IsUnique();
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> builder)
    {
        builder.ToTable("coupons");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.MerchantId).HasColumnName("merchant_id");
        builder.Property(c => c.CustomerId).HasColumnName("customer_id");
        builder.Property(c => c.TemplateId).HasColumnName("template_id");
        builder.Property(c => c.Name).HasColumnName("name").HasMaxLength(60);
        builder.OwnsOne(c => c.Terms, t => t.MapTerms());
        builder.Navigation(c => c.Terms).IsRequired();
        builder.Property(c => c.ValidFrom).HasColumnName("valid_from");
        builder.Property(c => c.ExpiresAt).HasColumnName("expires_at");
        builder.Property(c => c.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Source).HasColumnName("source").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OrderId).HasColumnName("order_id");
        builder.Property(c => c.IssuedBy).HasColumnName("issued_by");
        builder.Property(c => c.IssuedAt).HasColumnName("issued_at");
        builder.Property(c => c.AmountPaid).HasColumnName("amount_paid");
        builder.Property(c => c.UsedBy).HasColumnName("used_by");
        builder.Property(c => c.UsedAt).HasColumnName("used_at");
        builder.HasIndex(c => new { c.TemplateId, c.CustomerId });
        builder.HasIndex(c => new { c.MerchantId, c.CustomerId });
        builder.HasIndex(c => new { c.MerchantId, c.IssuedAt });
        builder.HasIndex(c => c.OrderId).IsUnique();
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id");
        builder.Property(o => o.MerchantId).HasColumnName("merchant_id");
        builder.Property(o => o.CustomerId).HasColumnName("customer_id");
        builder.Property(o => o.ItemKind).HasColumnName("item_kind").HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.ItemId).HasColumnName("item_id");
        builder.Property(o => o.AmountDue).HasColumnName("amount_due");
        builder.Property(o => o.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(o => o.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.CreatedAt).HasColumnName("created_at");
        builder.Property(o => o.PayBy).HasColumnName("pay_by");
        builder.Property(o => o.PaidAt).HasColumnName("paid_at");
        builder.Property(o => o.PaymentReference).HasColumnName("payment_reference").HasMaxLength(100);
        builder.Property(o => o.ProviderPaidAt).HasColumnName("provider_paid_at");
        builder.Property(o => o.Version).HasColumnName("version").IsConcurrencyToken();
        builder.HasIndex(o => new { o.Status, o.PayBy });
        builder.HasIndex(o => new { o.CustomerId, o.CreatedAt });
        builder.HasIndex(o => o.PaymentReference).IsUnique();
        builder.Ignore(o => o.DomainEvents);
    }
}
