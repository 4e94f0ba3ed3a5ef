namespace CodeScan.Application.Analytics.GetMerchantCustomers;

/// <summary>The customers of the local days from <see cref="From"/> to <see cref="To"/> (both included); amounts in minor units.</summary>
public sealed record CustomerPeriod(DateOnly From, DateOnly To, string Currency, long Active, long New, long Repeat, long Payments, long Bill)
{
    /// <summary>Active customers who had paid before the period began.</summary>
    public long Returning => Active - New;

    /// <summary>The share of active customers who paid at least twice in the period; none without active customers.</summary>
    public double? RepeatRate => Active == 0 ? null : Math.Round((double)Repeat / Active, 4);

    /// <summary>The bill per payment, rounded half up to the minor unit; none without payments.</summary>
    public long? AverageTicket => Payments == 0 ? null : (long)Math.Round((decimal)Bill / Payments, MidpointRounding.AwayFromZero);

    public static CustomerPeriod Of(DateOnly from, DateOnly to, string currency, IReadOnlyList<CustomerDay> days, DistinctCustomers distinct) =>
        new(from, to, currency, distinct.Active, days.Sum(d => d.New), distinct.Repeat, days.Sum(d => d.Payments), days.Sum(d => d.Bill));
}
