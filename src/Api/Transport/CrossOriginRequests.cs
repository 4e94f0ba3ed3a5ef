using Microsoft.AspNetCore.Cors.Infrastructure;

namespace CodeScan.Api.Transport;

/// <summary>
/// Which web origins a browser may call the API from (configuration section "Cors"). A page on another origin —
/// a front-end dev server on its own port, a deployed web app — sends a preflight before a POST with JSON or a
/// bearer token; an allowed origin gets it answered (204) and every response names that origin, an origin not
/// listed gets no CORS headers and the browser keeps the answer from the page. Credentials are allowed for the
/// exact origins listed (never "*"); the API itself sets no cookies, a token travels in the Authorization header.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    /// <summary>Exact origins, e.g. <c>https://shop.example.com</c> (scheme, host and port; no path).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Any port of localhost / 127.0.0.1 / [::1]: on in Development unless configured.</summary>
    public bool AllowLocalhost { get; set; }

    /// <summary>How long a browser may cache a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public bool Allows(string origin)
    {
        if (AllowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return AllowLocalhost
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/"
            && (uri.IsLoopback && uri.Host is "localhost" or "127.0.0.1" or "[::1]");
    }
}

public static class CrossOriginRequests
{
    public static IServiceCollection AddCrossOriginRequests(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(CrossOriginOptions.Section);
        var options = section.Get<CrossOriginOptions>() ?? new CrossOriginOptions();
        if (section[nameof(CrossOriginOptions.AllowLocalhost)] is null)
        {
            options.AllowLocalhost = environment.IsDevelopment();
        }

        return services.AddCors(cors => cors.AddDefaultPolicy(policy => Configure(policy, options)));
    }

    private static void Configure(CorsPolicyBuilder policy, CrossOriginOptions options) => policy
        .SetIsOriginAllowed(options.Allows)
        .WithMethods("GET", "POST")
        .AllowAnyHeader()
        .AllowCredentials()
        .WithExposedHeaders("WWW-Authenticate", "Allow")
        .SetPreflightMaxAge(options.PreflightMaxAge);
}
