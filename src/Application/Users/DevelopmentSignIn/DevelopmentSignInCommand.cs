using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Users.DevelopmentSignIn;

/// <summary>
/// Signs in by mobile number alone. Development only: the API maps no route to it outside the Development
/// environment, and it will be replaced by one-time codes sent by SMS.
/// </summary>
public sealed record DevelopmentSignInCommand(string Phone) : ICommand<Outcome<SignInResult>>, IAllowAnonymous;

public sealed record SignInResult(Guid UserId, string AccessToken, IReadOnlyList<string> Roles);
