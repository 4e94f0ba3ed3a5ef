using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Security;
using CodeScan.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Common.Behaviours;

/// <summary>
/// Enforces the requirement every message declares. A message that declares none is refused: forgetting
/// a policy must never open an operation to everybody. The database is asked (and a context rented for it) only by
/// the requirements that read roles; most messages are decided from the access token alone.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser, Lazy<IApplicationDbContext> database)
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
            case IRequirePlatformAnalyst:
                await RequirePlatformAnalyst(cancellationToken);
                break;
            case IRequireMerchantOwner owner:
                await RequireMerchantRole(message, owner.MerchantId, r => r.IsOwner, "Only this merchant's owner may do this.", cancellationToken);
                break;
            case IRequireMerchantStaff staff:
                await RequireMerchantRole(message, staff.MerchantId, r => r.IsOwner || r.IsCashier, "Only this merchant's staff may do this.", cancellationToken);
                break;
            case IRequireMerchantAnalyst analyst:
                await RequireMerchantRole(message, analyst.MerchantId, r => r.IsOwner || r.IsAnalyst, "Only this merchant's owner and analysts may see this.", cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"{typeof(TMessage).Name} declares no authorization requirement.");
        }

        return await next(message, cancellationToken);
    }

    private async Task RequireMerchantRole(TMessage message, MerchantId merchantId, Func<MerchantRole, bool> allowed, string refusal, CancellationToken cancellationToken)
    {
        var userId = RequireSignedIn();
        var merchant = await MerchantStaffAccess.RoleOfAsync(database.Value, merchantId, userId, cancellationToken);

        // Commands leave an unknown merchant to the handler, which answers a NOT_FOUND payload error;
        // queries and subscriptions have no payload, so they fail here.
        if (merchant is null)
        {
            if (message is not IBaseCommand)
            {
                throw new NotFoundException("The merchant was not found.");
            }

            return;
        }

        if (!allowed(merchant))
        {
            throw new ForbiddenException(refusal);
        }
    }

    private async Task RequirePlatformAnalyst(CancellationToken cancellationToken)
    {
        var userId = RequireSignedIn();
        if (!currentUser.IsPlatformAdmin && !await database.Value.Users.AnyAsync(u => u.Id == userId && u.IsPlatformAnalyst, cancellationToken))
        {
            throw new ForbiddenException("Only platform analysts and admins may see the platform's reports.");
        }
    }

    private UserId RequireSignedIn() => currentUser.Id ?? throw new UnauthenticatedException();
}
