using CodeScan.Domain.Redemptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Configurations;

internal sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> builder)
    {
        builder.ToTable("redemptions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.MerchantId).HasColumnName("merchant_id");
        builder.Property(r => r.CustomerId).HasColumnName("customer_id");
        builder.Property(r => r.Mode).HasColumnName("mode").HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Amount).HasColumnName("amount");
        builder.Property(r => r.FromPrincipal).HasColumnName("from_principal");
        builder.Property(r => r.FromBonus).HasColumnName("from_bonus");
        builder.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(r => new { r.MerchantId, r.CreatedAt });
        builder.HasIndex(r => new { r.CustomerId, r.CreatedAt });
        builder.Ignore(r => r.DomainEvents);
    }
}
