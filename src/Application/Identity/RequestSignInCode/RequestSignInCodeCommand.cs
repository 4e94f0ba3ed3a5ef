using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Identity.RequestSignInCode;

/// <summary>Sends a 6-digit one-time code by SMS to a mobile number.</summary>
/// <param name="Locale">The language of the text message; zh-CN when null.</param>
public sealed record RequestSignInCodeCommand(string Phone, string? Locale) : ICommand<Outcome<SignInCodeSent>>, IAllowAnonymous;

public sealed record SignInCodeSent(DateTimeOffset ExpiresAt);
