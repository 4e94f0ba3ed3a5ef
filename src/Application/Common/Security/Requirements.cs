using CodeScan.Domain.Common;

namespace CodeScan.Application.Common.Security;

/// <summary>Who may send a message. Every command and query declares exactly one of these.</summary>
public interface IAuthorizedMessage
{
}

/// <summary>Anyone, signed in or not.</summary>
public interface IAllowAnonymous : IAuthorizedMessage
{
}

/// <summary>Any signed-in user (every user is a customer).</summary>
public interface IRequireSignedIn : IAuthorizedMessage
{
}

/// <summary>Platform admins only.</summary>
public interface IRequirePlatformAdmin : IAuthorizedMessage
{
}

/// <summary>The owner or a cashier of the merchant named by <see cref="MerchantId"/>.</summary>
public interface IRequireMerchantStaff : IAuthorizedMessage
{
    MerchantId MerchantId { get; }
}

/// <summary>The owner of the merchant named by <see cref="MerchantId"/> (not its cashiers).</summary>
public interface IRequireMerchantOwner : IAuthorizedMessage
{
    MerchantId MerchantId { get; }
}

/// <summary>
/// The owner or an analyst of the merchant named by <see cref="MerchantId"/>: who reads its reports (not its
/// cashiers, whose work is the till).
/// </summary>
public interface IRequireMerchantAnalyst : IAuthorizedMessage
{
    MerchantId MerchantId { get; }
}

/// <summary>
/// A platform analyst or a platform admin: the platform's reports, across merchants. The analyst role is
/// looked up in the database on every request, like the merchant roles, so taking it away takes effect at once.
/// </summary>
public interface IRequirePlatformAnalyst : IAuthorizedMessage
{
}
