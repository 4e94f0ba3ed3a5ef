using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.EventLog;

internal sealed class EventLogConfiguration : IEntityTypeConfiguration<EventLogEntry>
{
    public void Configure(EntityTypeBuilder<EventLogEntry> builder)
    {
        builder.ToTable("event_log");
        builder.HasKey(e => e.Position);
        builder.Property(e => e.Position).HasColumnName("position").ValueGeneratedNever();
        builder.Property(e => e.EventId).HasColumnName("event_id");
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.Property(e => e.StreamId).HasColumnName("stream_id").HasMaxLength(64);
        builder.HasIndex(e => e.StreamId);
        builder.Property(e => e.EventType).HasColumnName("event_type").HasMaxLength(100);
        builder.Property(e => e.Payload).HasColumnName("payload");
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.Property(e => e.RecordedAt).HasColumnName("recorded_at");
    }
}

internal sealed class EventSequenceConfiguration : IEntityTypeConfiguration<EventSequence>
{
    public void Configure(EntityTypeBuilder<EventSequence> builder)
    {
        builder.ToTable("event_sequence");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.LastPosition).HasColumnName("last_position");
        builder.HasData(new EventSequence { Id = EventSequence.SingletonId, LastPosition = 0 });
    }
}
