using CodeScan.Application.Common.Validation;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Identity.SignIn;

/// <summary>A malformed code never reaches the challenge, so it uses up no attempt.</summary>
public sealed class SignInValidator : IValidator<SignInCommand>
{
    public const int CodeLength = 6;

    public IEnumerable<Error> Validate(SignInCommand message)
    {
        if (PhoneNumber.Parse(message.Phone).Error is { } phone)
        {
            yield return phone;
        }

        if (message.Code is not { Length: CodeLength } || !message.Code.All(char.IsAsciiDigit))
        {
            yield return Error.Invalid($"The code is {CodeLength} digits.", "code");
        }
    }
}
