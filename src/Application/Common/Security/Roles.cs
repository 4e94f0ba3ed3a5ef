namespace CodeScan.Application.Common.Security;

/// <summary>Role names carried in access tokens.</summary>
public static class Roles
{
    public const string PlatformAdmin = "platform_admin";
    public const string Customer = "customer";
}
