namespace CodeScan.Application.Users;

/// <summary>A platform analyst as platform admins see them: the full mobile number is theirs to manage.</summary>
public sealed record PlatformAnalystDto(Guid UserId, string Phone);
