using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Identity.SignOut;

/// <summary>
/// Ends the session the refresh token belongs to: its whole family is revoked. The access token is not
/// revocable; it simply expires (15 minutes by default).
/// </summary>
public sealed record SignOutCommand(string RefreshToken) : ICommand<Outcome<bool>>, IRequireSignedIn;
