using CodeScan.Application.Common.Paging;
using CodeScan.Application.Nodes.GetNode;
using CodeScan.Domain.Common;

namespace CodeScan.Api.GraphQL;

/// <summary>
/// Relay global ids: base64url of "Type:guid", so `node(id)` knows what to load and ids of different
/// types never collide. The one place an id argument becomes a typed id.
/// </summary>
public static class GlobalId
{
    /// <summary>The types <c>node(id)</c> loads, by the type name their ids carry.</summary>
    private static readonly Dictionary<string, NodeKind> NodeKinds = new(StringComparer.Ordinal)
    {
        [Types.MerchantType.TypeName] = NodeKind.Merchant,
        [Types.WalletType.TypeName] = NodeKind.Wallet,
    };

    public static string Encode(string typeName, Guid id) => Base64Url.Encode($"{typeName}:{id:N}");

    /// <summary>A wallet is one customer's holdings at one merchant: its id names both ("Wallet:merchant:customer").</summary>
    public static string EncodeWallet(Guid merchantId, Guid customerId) => Base64Url.Encode($"{Types.WalletType.TypeName}:{merchantId:N}:{customerId:N}");

    /// <summary>
    /// A merchant id argument. One that does not decode becomes the empty id, which matches no merchant:
    /// the pipeline still authorizes the caller first, and the handler then answers NOT_FOUND.
    /// </summary>
    public static MerchantId ToMerchantId(string? globalId) => new(ToGuid(globalId, Types.MerchantType.TypeName));

    /// <summary>An id argument of <paramref name="typeName"/>; one that does not decode is the empty (unknown) id.</summary>
    public static Guid ToGuid(string? globalId, string typeName) =>
        TryDecode(globalId, typeName, out var id) ? id : Guid.Empty;

    /// <summary>An optional id argument: null stays null, one that does not decode is the empty (unknown) id.</summary>
    public static Guid? ToOptionalGuid(string? globalId, string typeName) =>
        globalId is null ? null : ToGuid(globalId, typeName);

    /// <summary>
    /// A <c>node(id)</c> argument: the kind of object it names and its id. One that does not decode, or names
    /// a type <c>node</c> does not load, is <see cref="NodeKind.Unknown"/> (answered with null).
    /// </summary>
    public static (NodeKind Kind, Guid Id, Guid? OwnerId) ToNode(string? globalId) =>
        TryDecode(globalId, out var typeName, out var id, out var ownerId) && (typeName == Types.WalletType.TypeName) == ownerId.HasValue
            && NodeKinds.TryGetValue(typeName, out var kind)
            ? (kind, id, ownerId)
            : (NodeKind.Unknown, Guid.Empty, null);

    public static bool TryDecode(string? globalId, out string typeName, out Guid id) =>
        TryDecode(globalId, out typeName, out id, out var second) && second is null;

    /// <summary>Decodes "Type:guid", or "Type:guid:guid" (a wallet: merchant, then customer) with <paramref name="second"/> set.</summary>
    private static bool TryDecode(string? globalId, out string typeName, out Guid id, out Guid? second)
    {
        typeName = string.Empty;
        id = Guid.Empty;
        second = null;
        var parts = Base64Url.TryDecode(globalId)?.Split(':');
        if (parts is null || parts.Length is < 2 or > 3 || !Guid.TryParseExact(parts[1], "N", out id))
        {
            return false;
        }

        if (parts.Length == 3)
        {
            if (!Guid.TryParseExact(parts[2], "N", out var other))
            {
                return false;
            }

            second = other;
        }

        typeName = parts[0];
        return true;
    }

    public static bool TryDecode(string? globalId, string expectedType, out Guid id) =>
        TryDecode(globalId, out var typeName, out id) && typeName == expectedType;
}
