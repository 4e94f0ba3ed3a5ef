using CodeScan.Domain.Common;

namespace CodeScan.Application.Common.Security;

/// <summary>Configuration section "Platform".</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Mobile numbers that are platform admins when they sign in (bootstrap).</summary>
    public List<string> AdminPhones { get; set; } = [];

    public bool IsAdmin(PhoneNumber phone) =>
        AdminPhones.Any(candidate => PhoneNumber.Parse(candidate) is { IsSuccess: true } parsed && parsed.Value == phone);
}
