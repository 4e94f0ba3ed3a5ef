using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;

namespace CodeScan.Application.Analytics;

/// <summary>
/// Customer activity: every payment at the till (<see cref="Redeemed"/>) marks its customer active on the local
/// day it was made, in the merchant's zone as the directory has it at that point of the log (as
/// <see cref="SalesProjection"/> does), for the merchant and for the platform in the merchant's currency
/// (<see cref="PlatformScope"/>: a customer is counted once however many merchants they paid at). Reversals change nothing here: a
/// customer who paid came, whatever happened to the payment later. Replay-safe by each day's position.
/// </summary>
public sealed class CustomerProjection(ICustomerStore customers, IReadModelStore store) : IProjection
{
    public async Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Event is not Redeemed e)
        {
            return;
        }

        var merchant = await store.GetMerchantAsync(e.MerchantId.Value, cancellationToken);
        var day = SalesProjection.LocalDay(e.OccurredAt, merchant?.TimeZone);
        await customers.AddPaymentAsync(e.MerchantId.Value, e.CustomerId.Value, day, e.Amount, envelope.Position, cancellationToken);
        await customers.AddPaymentAsync(PlatformScope.Of(merchant?.Currency ?? Currencies.Default), e.CustomerId.Value, day, e.Amount, envelope.Position, cancellationToken);
    }
}
