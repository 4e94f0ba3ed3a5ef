using System.Security.Cryptography;
using System.Text;
using CodeScan.Domain.Common;

namespace CodeScan.Domain.Ledger;

/// <summary>
/// A double-entry account in the manner of TigerBeetle: it never stores a balance, only the totals of
/// debits and credits posted to it. Totals change only through a guarded update in the database.
/// </summary>
public sealed class LedgerAccount
{
    private LedgerAccount()
    {
        Currency = null!;
    }

    private LedgerAccount(Guid id, AccountKind kind, MerchantId merchantId, UserId? customerId, string currency)
    {
        Id = id;
        Kind = kind;
        MerchantId = merchantId;
        CustomerId = customerId;
        Currency = currency;
    }

    public Guid Id { get; private set; }

    public AccountKind Kind { get; private set; }

    public MerchantId MerchantId { get; private set; }

    public UserId? CustomerId { get; private set; }

    public string Currency { get; private set; }

    public long DebitsPosted { get; private set; }

    public long CreditsPosted { get; private set; }

    public long Balance => Kind.IsCreditNormal() ? CreditsPosted - DebitsPosted : DebitsPosted - CreditsPosted;

    public static LedgerAccount Open(AccountKind kind, MerchantId merchantId, UserId? customerId, string currency)
    {
        if (kind.IsCustomerAccount() != customerId.HasValue)
        {
            throw new ArgumentException("Customer accounts need a customer; merchant accounts must not have one.");
        }

        return new LedgerAccount(IdFor(kind, merchantId, customerId), kind, merchantId, customerId, currency);
    }

    /// <summary>
    /// Account ids are derived from what the account is, so two concurrent requests that open the same
    /// account agree on its id and the second insert is simply ignored.
    /// </summary>
    public static Guid IdFor(AccountKind kind, MerchantId merchantId, UserId? customerId)
    {
        var name = $"{kind}|{merchantId.Value:N}|{customerId?.Value.ToString("N") ?? "-"}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
