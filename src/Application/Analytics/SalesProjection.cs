using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Domain.Common;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Wallets;

namespace CodeScan.Application.Analytics;

/// <summary>
/// Per-merchant per-local-day sales rollups. An event counts on the day it occurred in the merchant's time
/// zone as the merchant directory has it at that point of the log, so a rebuild puts every event on the same
/// day again, and a change of zone moves no sale already counted. Each day remembers the last position it
/// took, so a replayed event adds nothing. The same counters go to the platform's day in the merchant's
/// currency (<see cref="PlatformScope"/>): the platform's day is each merchant's own local day.
/// </summary>
public sealed class SalesProjection(ISalesStore sales, IReadModelStore store) : IProjection
{
    public async Task ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var (merchantId, counters) = envelope.Event switch
        {
            Redeemed e => (e.MerchantId, SalesCounters.Of(e)),
            RedemptionReversed e => (e.MerchantId, SalesCounters.Of(e)),
            StoredValueRecharged e => (e.MerchantId, SalesCounters.Of(e)),
            CardIssued e => (e.MerchantId, SalesCounters.Of(e)),
            CouponIssued e => (e.MerchantId, SalesCounters.Of(e)),
            _ => (default(MerchantId), null),
        };

        if (counters is null)
        {
            return;
        }

        var merchant = await store.GetMerchantAsync(merchantId.Value, cancellationToken);
        var day = LocalDay(envelope.Event.OccurredAt, merchant?.TimeZone);
        await sales.AddAsync(merchantId.Value, day, envelope.Position, counters, cancellationToken);
        await sales.AddAsync(PlatformScope.Of(merchant?.Currency ?? Currencies.Default), day, envelope.Position, counters, cancellationToken);
    }

    /// <summary>The date an instant falls on in the zone (the default zone for a merchant not yet known).</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, string? timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, MerchantTimeZone.FindOrDefault(timeZone)).DateTime);
}
