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
        builder.Property(m => m.QrVersion).HasColumnName("qr_version");
        builder.Property(m => m.TimeZone).HasColumnName("time_zone").HasMaxLength(MerchantTimeZone.MaxLength).HasDefaultValue(MerchantTimeZone.Default);
        builder.Ignore(m => m.Currency);
        builder.Ignore(m => m.CanTrade);
        builder.Ignore(m => m.DomainEvents);

        ConfigureProfile(builder);
        ConfigureStaff(builder);
        ConfigureDecisions(builder);
    }

    private static void ConfigureProfile(EntityTypeBuilder<Merchant> builder)
    {
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

    private static void ConfigureStaff(EntityTypeBuilder<Merchant> builder)
    {
        builder.OwnsMany(m => m.Staff, staff =>
        {
            staff.ToTable("merchant_staff");
            staff.WithOwner().HasForeignKey("merchant_id");
            staff.HasKey(s => s.Id);
            staff.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
            staff.Property(s => s.UserId).HasColumnName("user_id");
            staff.Property(s => s.Role).HasColumnName("role").HasConversion<string>().HasMaxLength(20);
            staff.Property(s => s.AddedBy).HasColumnName("added_by");
            staff.Property(s => s.AddedAt).HasColumnName("added_at");
            staff.Property(s => s.RemovedBy).HasColumnName("removed_by");
            staff.Property(s => s.RemovedAt).HasColumnName("removed_at");
            staff.Ignore(s => s.IsActive);
            staff.HasIndex(s => s.UserId);
        });
        builder.Navigation(m => m.Staff).HasField("_staff").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void ConfigureDecisions(EntityTypeBuilder<Merchant> builder)
    {
        builder.OwnsMany(m => m.Decisions, decision =>
        {
            decision.ToTable("merchant_decisions");
            decision.WithOwner().HasForeignKey("merchant_id");
            decision.HasKey(d => d.Id);
            decision.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
            decision.Property(d => d.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
            decision.Property(d => d.DecidedBy).HasColumnName("decided_by");
            decision.Property(d => d.DecidedAt).HasColumnName("decided_at");
            decision.Property(d => d.Reason).HasColumnName("reason").HasMaxLength(Merchant.MaxReasonLength);
        });
        builder.Navigation(m => m.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
