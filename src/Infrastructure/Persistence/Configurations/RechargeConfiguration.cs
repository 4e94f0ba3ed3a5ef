using CodeScan.Domain.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Configurations;

internal sealed class RechargeConfiguration : IEntityTypeConfiguration<Recharge>
{
    public void Configure(EntityTypeBuilder<Recharge> builder)
    {
        builder.ToTable("recharges");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.MerchantId).HasColumnName("merchant_id");
        builder.Property(r => r.CustomerId).HasColumnName("customer_id");
        builder.Property(r => r.Amount).HasColumnName("amount");
        builder.Property(r => r.Bonus).HasColumnName("bonus");
        builder.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(r => r.RecordedBy).HasColumnName("recorded_by");
        builder.Property(r => r.OrderId).HasColumnName("order_id");
        builder.HasIndex(r => r.OrderId).IsUnique();
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(r => new { r.MerchantId, r.CreatedAt });
        builder.HasIndex(r => new { r.CustomerId, r.CreatedAt });
        builder.Ignore(r => r.DomainEvents);
    }
}
