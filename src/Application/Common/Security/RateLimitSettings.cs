using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace CodeScan.Application.Common.Security;

/// <summary>
/// Each rate-limit policy's permits (<c>RateLimits:{Policy}</c>, 0 switches it off) and the window
/// (<c>RateLimits:Window</c>), read from configuration once per policy and again after the configuration reloads:
/// a lookup walks every configuration provider, and a payment asked twice.
/// </summary>
public sealed class RateLimitSettings
{
    private readonly IConfiguration _configuration;
    private ConcurrentDictionary<string, (int Permits, TimeSpan Window)> _read = new();

    public RateLimitSettings(IConfiguration configuration)
    {
        _configuration = configuration;
        ChangeToken.OnChange(configuration.GetReloadToken, () => _read = new());
    }

    public (int Permits, TimeSpan Window) For(string policy) =>
        _read.GetOrAdd(policy, p => (
            _configuration.GetValue<int?>($"RateLimits:{p}") ?? RateLimitPolicies.DefaultPerMinute(p),
            _configuration.GetValue<TimeSpan?>("RateLimits:Window") ?? TimeSpan.FromMinutes(1)));
}
