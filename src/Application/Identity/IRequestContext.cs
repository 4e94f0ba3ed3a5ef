namespace CodeScan.Application.Identity;

/// <summary>Facts about the request being served that are not part of any message.</summary>
public interface IRequestContext
{
    /// <summary>The caller's network address, for per-address rate limits ("unknown" when there is none).</summary>
    string ClientAddress { get; }
}
