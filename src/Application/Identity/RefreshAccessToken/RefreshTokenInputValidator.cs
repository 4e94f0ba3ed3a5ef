using CodeScan.Application.Common.Validation;
using CodeScan.Application.Identity.SignOut;
using CodeScan.Domain.Common;

namespace CodeScan.Application.Identity.RefreshAccessToken;

public sealed class RefreshTokenInputValidator : IValidator<RefreshAccessTokenCommand>, IValidator<SignOutCommand>
{
    public IEnumerable<Error> Validate(RefreshAccessTokenCommand message) => Check(message.RefreshToken);

    public IEnumerable<Error> Validate(SignOutCommand message) => Check(message.RefreshToken);

    private static IEnumerable<Error> Check(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > RefreshTokenValues.MaxLength)
        {
            yield return Error.Invalid($"A refresh token of at most {RefreshTokenValues.MaxLength} characters is required.", "refreshToken");
        }
    }
}
