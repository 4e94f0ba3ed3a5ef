using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Configurations;

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> builder)
    {
        builder.ToTable("merchants");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id");
        builder.Property(m => m.OwnerId).HasColumnName("owner_id");
        builder.Property(m => m.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Code).HasColumnName("merchant_code");
        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasIndex(m => m.OwnerId);
        builder.HasIndex(m => m.Status);
        builder.Property(m => m.AppliedAt).HasColumnName("applied_at");
        builder.Property(m => m.ReviewedAt).HasColumnName("reviewed_at");
        builder.Property(m => m.ReviewedBy).HasColumnName("reviewed_by");
        builder.Property(m => m.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Ignore(m => m.Currency);
        builder.Ignore(m => m.CanTrade);
        builder.Ignore(m => m.DomainEvents);

        builder.OwnsOne(m => m.Profile, profile =>
        {
            profile.Property(p => p.Name).HasColumnName("name").HasMaxLength(MerchantProfile.MaxNameLength);
            profile.Property(p => p.ContactPhone).HasColumnName("contact_phone");
            profile.Property(p => p.BusinessLicenceNumber).HasColumnName("business_licence_number").HasMaxLength(MerchantProfile.MaxLicenceLength);
            profile.Property(p => p.Address).HasColumnName("address").HasMaxLength(MerchantProfile.MaxAddressLength);
            profile.Property(p => p.Category).HasColumnName("category").HasMaxLength(MerchantProfile.MaxCategoryLength);
            profile.Property(p => p.Locale).HasColumnName("locale").HasMaxLength(10);
            profile.Property(p => p.Currency).HasColumnName("currency").HasMaxLength(3);
        });
        builder.Navigation(m => m.Profile).IsRequired();
    }
}
