using System.Collections.Concurrent;
using System.Data.Common;
using CodeScan.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Support;

/// <summary>
/// Records the SQL commands the service runs while it handles a request carrying <see cref="Header"/>,
/// per header value: what one request cost the database, told apart from the projector and the other
/// background work running beside it. Install it with <see cref="Install"/> when starting the host.
/// </summary>
public sealed class DatabaseCommandProbe(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "x-test-probe";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new();

    /// <summary>Adds the probe to the host's services, on the context the store mode uses.</summary>
    public static Action<IServiceCollection> Install(StoreMode mode) => services =>
    {
        services.AddSingleton<DatabaseCommandProbe>();
        if (mode == StoreMode.Embedded)
        {
            services.ConfigureDbContext<SqliteCodeScanDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<DatabaseCommandProbe>()));
        }
        else
        {
            services.ConfigureDbContext<MySqlCodeScanDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<DatabaseCommandProbe>()));
        }
    };

    /// <summary>The commands run for the requests that carried this probe value, in order.</summary>
    public IReadOnlyList<string> CommandsOf(string probe) => _commands.TryGetValue(probe, out var commands) ? [.. commands] : [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } probe)
        {
            _commands.GetOrAdd(probe, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText);
        }
    }
}
