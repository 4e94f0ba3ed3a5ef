using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Idempotency;

public sealed class IdempotencyRecord
{
    public string Actor { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string RequestHash { get; set; } = string.Empty;

    public string? ResponseJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.Actor, r.Key });
        builder.Property(r => r.Actor).HasColumnName("actor").HasMaxLength(36);
        builder.Property(r => r.Key).HasColumnName("idempotency_key").HasMaxLength(64);
        builder.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        builder.Property(r => r.ResponseJson).HasColumnName("response_json");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
    }
}
