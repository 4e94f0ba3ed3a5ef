namespace CodeScan.Application.Identity;

/// <summary>How long the access tokens that <c>IAccessTokens</c> issues stay valid, so payloads can say when they expire.</summary>
public interface IAccessTokenLifetime
{
    TimeSpan AccessTokenLifetime { get; }
}
