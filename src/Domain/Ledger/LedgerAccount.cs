using System.Collections.Concurrent;
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
    /// account agree on its id and the second insert is simply ignored: the first 16 bytes of the SHA-256 of
    /// <c>{kind}|{merchant id:N}|{customer id:N, or -}</c> in UTF-8. A payment derives half a dozen, and a SHA-256
    /// through the platform's crypto library costs microseconds, so ids derived lately are remembered (a bounded
    /// set, emptied when full: an id is a pure function of its inputs, so forgetting one only costs its hash again).
    /// </summary>
    public static Guid IdFor(AccountKind kind, MerchantId merchantId, UserId? customerId)
    {
        var key = (kind, merchantId.Value, customerId?.Value);
        if (Derived.TryGetValue(key, out var id))
        {
            return id;
        }

        if (Derived.Count >= MaxRemembered)
        {
            Derived.Clear();
        }

        return Derived[key] = Derive(kind, merchantId, customerId);
    }

    private const int MaxRemembered = 100_000;

    private static readonly ConcurrentDictionary<(AccountKind, Guid, Guid?), Guid> Derived = new();

    /// <summary>The hash, its input written into a stack buffer (formatting the enum and the ids as strings cost as much as the hash).</summary>
    private static Guid Derive(AccountKind kind, MerchantId merchantId, UserId? customerId)
    {
        var kindName = KindNames[(int)kind];
        Span<byte> name = stackalloc byte[kindName.Length + 66];
        kindName.CopyTo(name);
        var length = kindName.Length;
        name[length++] = (byte)'|';
        merchantId.Value.TryFormat(name[length..], out var written, "N");
        length += written;
        name[length++] = (byte)'|';
        if (customerId is { } customer)
        {
            customer.Value.TryFormat(name[length..], out written, "N");
            length += written;
        }
        else
        {
            name[length++] = (byte)'-';
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(name[..length], hash);
        return new Guid(hash[..16]);
    }

    /// <summary>Each kind's name in UTF-8, by value (the kinds are numbered from 0 without gaps).</summary>
    private static readonly byte[][] KindNames = Enum.GetValues<AccountKind>().OrderBy(k => (int)k).Select(k => Encoding.UTF8.GetBytes(k.ToString())).ToArray();
}
