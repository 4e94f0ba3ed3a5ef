using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Identity.SignOut;

/// <summary>
/// Ends the session the refresh token belongs to: its whole family is revoked, and the access tokens issued
/// for it are refused from then on, on every node.
/// </summary>
public sealed record SignOutCommand(string RefreshToken) : ICommand<Outcome<bool>>, IRequireSignedIn;
