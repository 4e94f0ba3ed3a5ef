using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// Carries the write model's <see cref="SqlDialect"/> in the context options, where a pooled context finds it: on a
/// MySQL-protocol server it depends on the server (MariaDB or MySQL), known only from the configured or detected version.
/// </summary>
internal sealed class SqlDialectExtension(SqlDialect dialect) : IDbContextOptionsExtension
{
    public SqlDialect Dialect { get; } = dialect;

    private ExtensionInfo? _info;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(SqlDialectExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => string.Empty;

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}
