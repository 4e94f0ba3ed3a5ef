namespace CodeScan.Application.Analytics;

/// <summary>How long an activity set spans.</summary>
public enum ActivityUnitKind
{
    Day,

    /// <summary>An ISO week, Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,
}

/// <summary>A span whose customers are kept as one set: a day, an ISO week or a month, named by its first day.</summary>
public readonly record struct ActivityUnit(ActivityUnitKind Kind, DateOnly Start)
{
    public DateOnly End => Kind switch
    {
        ActivityUnitKind.Week => Start.AddDays(6),
        ActivityUnitKind.Month => Start.AddMonths(1).AddDays(-1),
        _ => Start,
    };

    /// <summary>The sets a payment on <paramref name="day"/> joins: its day, its week and its month.</summary>
    public static ActivityUnit[] Of(DateOnly day) =>
    [
        new(ActivityUnitKind.Day, day),
        new(ActivityUnitKind.Week, day.AddDays(-(((int)day.DayOfWeek + 6) % 7))),
        new(ActivityUnitKind.Month, new DateOnly(day.Year, day.Month, 1)),
    ];

    /// <summary>
    /// Disjoint units that together are exactly the days from <paramref name="from"/> to <paramref name="to"/>:
    /// the span itself when it is one whole week or month, otherwise whole months and the days around them —
    /// at most 60 days and 12 months a year, so counting a span reads sets of bounded number.
    /// </summary>
    public static IReadOnlyList<ActivityUnit> Cover(DateOnly from, DateOnly to)
    {
        var week = new ActivityUnit(ActivityUnitKind.Week, from);
        if (from.DayOfWeek == DayOfWeek.Monday && week.End == to)
        {
            return [week];
        }

        var units = new List<ActivityUnit>();
        for (var day = from; day <= to;)
        {
            var month = new ActivityUnit(ActivityUnitKind.Month, day);
            var unit = day.Day == 1 && month.End <= to ? month : new ActivityUnit(ActivityUnitKind.Day, day);
            units.Add(unit);
            day = unit.End.AddDays(1);
        }

        return units;
    }
}
