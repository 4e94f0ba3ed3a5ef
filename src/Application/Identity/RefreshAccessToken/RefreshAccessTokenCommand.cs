using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Identity.RefreshAccessToken;

/// <summary>
/// Rotates a refresh token: it is retired and a new one of the same family issued with a fresh access
/// token. Presenting a retired token revokes the family; that revocation must commit even though the
/// answer is an error, hence a <see cref="SessionVerdict"/>.
/// </summary>
public sealed record RefreshAccessTokenCommand(string RefreshToken) : ICommand<Outcome<SessionVerdict>>, IAllowAnonymous;
