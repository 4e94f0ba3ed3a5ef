using CodeScan.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeScan.Infrastructure.Persistence.Configurations;

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> builder)
    {
        builder.ToTable("ledger_accounts", t =>
        {
            // The database refuses a negative customer balance even if the application had a bug.
            t.HasCheckConstraint("ck_ledger_accounts_customer_not_negative", "kind NOT IN ('CustomerPrincipal', 'CustomerBonus') OR debits_posted <= credits_posted");
            t.HasCheckConstraint("ck_ledger_accounts_totals_not_negative", "debits_posted >= 0 AND credits_posted >= 0");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id");
        builder.Property(a => a.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.MerchantId).HasColumnName("merchant_id");
        builder.Property(a => a.CustomerId).HasColumnName("customer_id");
        builder.Property(a => a.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(a => a.DebitsPosted).HasColumnName("debits_posted");
        builder.Property(a => a.CreditsPosted).HasColumnName("credits_posted");
        builder.Ignore(a => a.Balance);
        builder.HasIndex(a => new { a.MerchantId, a.CustomerId });
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("ledger_transfers", t => t.HasCheckConstraint("ck_ledger_transfers_amount_positive", "amount > 0"));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasColumnName("id");
        builder.Property(t => t.DebitAccountId).HasColumnName("debit_account_id");
        builder.Property(t => t.CreditAccountId).HasColumnName("credit_account_id");
        builder.Property(t => t.Amount).HasColumnName("amount");
        builder.Property(t => t.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(t => t.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.ReferenceId).HasColumnName("reference_id");
        builder.Property(t => t.CreatedAt).HasColumnName("created_at");
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(t => t.DebitAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(t => t.CreditAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.ReferenceId);
    }
}
