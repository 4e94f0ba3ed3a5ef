using CodeScan.Domain.Common;

namespace CodeScan.Application.Identity.RequestSignInCode;

/// <summary>The text message that carries a one-time code, in the customer's language.</summary>
public static class SignInCodeText
{
    public static string For(string code, string locale, TimeSpan lifetime)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(lifetime.TotalMinutes));
        return locale == Locales.EnUs
            ? $"CodeScan: your sign-in code is {code}. It expires in {minutes} min. Never share it with anyone."
            : $"【CodeScan】您的登录验证码是 {code}，{minutes} 分钟内有效。请勿告诉他人。";
    }
}
