using CodeScan.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasColumnName("id");
        builder.Property(u => u.Phone).HasColumnName("phone");
        builder.HasIndex(u => u.Phone).IsUnique();
        builder.Property(u => u.RegisteredAt).HasColumnName("registered_at");
        builder.Property(u => u.IsPlatformAnalyst).HasColumnName("is_platform_analyst");
        builder.Ignore(u => u.DomainEvents);
    }
}
