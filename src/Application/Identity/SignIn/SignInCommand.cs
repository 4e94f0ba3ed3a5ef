using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Identity.SignIn;

/// <summary>
/// Trades a one-time code for a session; registers the user on first sign-in. A refused code is a
/// <see cref="SessionVerdict.Refusal"/>, not a failed outcome, so the used-up attempt is committed.
/// </summary>
public sealed record SignInCommand(string Phone, string Code) : ICommand<Outcome<SessionVerdict>>, IAllowAnonymous;
