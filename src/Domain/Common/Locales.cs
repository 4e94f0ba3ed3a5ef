namespace CodeScan.Domain.Common;

/// <summary>The locales alerts are spoken in. zh-CN is the default.</summary>
public static class Locales
{
    public const string ZhCn = "zh-CN";
    public const string EnUs = "en-US";

    public static IReadOnlyList<string> Supported { get; } = [ZhCn, EnUs];

    public static bool IsSupported(string? locale) => locale is ZhCn or EnUs;
}
