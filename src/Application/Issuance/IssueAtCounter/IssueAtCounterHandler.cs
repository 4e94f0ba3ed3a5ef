using CodeScan.Application.Common.Abstractions;
using CodeScan.Application.Common.Messaging;
using CodeScan.Application.Common.Security;
using CodeScan.Application.Users;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Issuance.IssueAtCounter;

public sealed class IssueAtCounterHandler(UserDirectory users, IInstrumentIssuer issuer, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<IssueAtCounterCommand, Outcome<IssuedInstrument>>
{
    public async ValueTask<Outcome<IssuedInstrument>> Handle(IssueAtCounterCommand command, CancellationToken cancellationToken)
    {
        var phone = PhoneNumber.Parse(command.CustomerPhone).Value!;
        var customer = await users.FindOrRegisterAsync(phone, clock.GetUtcNow(), cancellationToken);

        var issued = await issuer.IssueAsync(
            new IssueRequest(command.MerchantId, customer.Id, command.Item!, IssueSource.Counter, null, currentUser.RequiredId),
            cancellationToken);
        return issued.IsSuccess ? Outcome<IssuedInstrument>.Ok(issued.Value!) : issued.Error!;
    }
}
