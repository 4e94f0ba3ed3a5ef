using CodeScan.Application.Analytics.GetMerchantLiability;
using CodeScan.Application.Analytics.GetPlatformLiability;
using CodeScan.Domain.Common;
using global::GraphQL;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Analytics;

/// <summary><c>platformLiability</c>: what every merchant in one currency owes together (Application/Analytics/GetPlatformLiability).</summary>
public sealed class GetPlatformLiability : IRootField
{
    public static void AddTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<PlatformLiabilityType>>("platformLiability")
            .Allow(Access.PlatformAnalyst)
            .Description(
                "Platform analysts and admins: what every merchant trading in `currency` owes its customers together at the close of a date, " +
                "aged, and its breakage. Each merchant counts up to that date in its own time zone, so these figures are the sum of the " +
                "merchants' own `merchantLiability`.")
            .Argument<DateType>("asOf", "Not later than today anywhere; today in Asia/Shanghai unless given.")
            .Argument<StringGraphType>("currency", "ISO 4217; CNY unless given.", a => a.DefaultValue = Currencies.Default)
            .ResolveAsync(async ctx => await ctx.Send(new GetPlatformLiabilityQuery(ctx.GetArgument("currency", Currencies.Default), ctx.GetArgument<DateOnly?>("asOf"))));
}

public sealed class PlatformLiabilityType : ObjectGraphType<MerchantLiabilityReport>
{
    public PlatformLiabilityType()
    {
        Name = "PlatformLiability";
        Description = "What the platform's merchants in one currency owe their customers together (read model: daily rollups, eventually consistent).";
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Currency);
        Field<NonNullGraphType<DateType>>("asOf").Description("The date whose close the figures are at, in each merchant's own zone.").Resolve(ctx => ctx.Source.AsOf);
        Field<NonNullGraphType<LiabilityFiguresType>>("outstanding").Description("Everything still owed, all ages.").Resolve(ctx => ctx.Source.Outstanding);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LiabilityAgingBucketType>>>>("aging")
            .Description("What is still owed by age, youngest first, as in `MerchantLiability.aging`.").Resolve(ctx => ctx.Source.Aging);
        Field<NonNullGraphType<LiabilityFiguresType>>("breakage").Description("Cards and coupons that expired unused, up to the close of `asOf`.").Resolve(ctx => ctx.Source.Breakage);
    }
}
