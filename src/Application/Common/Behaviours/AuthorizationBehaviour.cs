using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Common.Behaviours;

/// <summary>
/// Enforces the requirement every message declares. A message that declares none is refused: forgetting
/// a policy must never open an operation to everybody.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser, IApplicationDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case IAllowAnonymous:
                break;
            case IRequireSignedIn:
                RequireSignedIn();
                break;
            case IRequirePlatformAdmin:
                RequireSignedIn();
                if (!currentUser.IsPlatformAdmin)
                {
                    throw new ForbiddenException("Only a platform admin may do this.");
                }

                break;
            case IRequireMerchantStaff staff:
                var userId = RequireSignedIn();
                var merchant = await db.Merchants.AsNoTracking()
                    .Where(m => m.Id == staff.MerchantId)
                    .Select(m => new { m.OwnerId })
                    .SingleOrDefaultAsync(cancellationToken);

                // Commands leave an unknown merchant to the handler, which answers a NOT_FOUND payload error;
                // queries and subscriptions have no payload, so they fail here.
                if (merchant is null && message is not IBaseCommand)
                {
                    throw new NotFoundException("The merchant was not found.");
                }

                if (merchant is not null && merchant.OwnerId != userId)
                {
                    throw new ForbiddenException("Only this merchant's staff may do this.");
                }

                break;
            default:
                throw new InvalidOperationException($"{typeof(TMessage).Name} declares no authorization requirement.");
        }

        return await next(message, cancellationToken);
    }

    private Domain.Common.UserId RequireSignedIn() => currentUser.Id ?? throw new UnauthenticatedException();
}
