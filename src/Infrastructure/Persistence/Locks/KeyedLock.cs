using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Locks;

/// <summary>One row per lock key; taking the lock is an upsert that holds the row until commit.</summary>
public sealed class KeyedLock
{
    public const int MaxKeyLength = 100;

    public string Key { get; set; } = string.Empty;

    public long Touches { get; set; }
}

internal sealed class KeyedLockConfiguration : IEntityTypeConfiguration<KeyedLock>
{
    public void Configure(EntityTypeBuilder<KeyedLock> builder)
    {
        builder.ToTable("keyed_locks");
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasColumnName("lock_key").HasMaxLength(KeyedLock.MaxKeyLength);
        builder.Property(l => l.Touches).HasColumnName("touches");
    }
}
