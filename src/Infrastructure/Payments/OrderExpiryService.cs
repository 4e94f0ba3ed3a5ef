using CodeScan.Application.Orders.ExpireOrders;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeScan.Infrastructure.Payments;

/// <summary>
/// Every <c>Payments:ExpiryInterval</c>, expires unpaid orders past their pay-by time through the
/// application (so the change and its event commit together). Safe on every node at once: a race on one
/// order is an optimistic-concurrency retry.
/// </summary>
internal sealed partial class OrderExpiryService(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, ILogger<OrderExpiryService> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ExpiryInterval, stoppingToken);
                int expired;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    expired = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExpireOrdersCommand(BatchSize), stoppingToken);
                }
                while (expired == BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring unpaid orders failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
