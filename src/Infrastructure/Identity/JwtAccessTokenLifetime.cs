using CodeScan.Application.Identity;
using CodeScan.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Identity;

internal sealed class JwtAccessTokenLifetime(IOptions<JwtOptions> options) : IAccessTokenLifetime
{
    public TimeSpan AccessTokenLifetime => options.Value.AccessTokenLifetime;
}
