namespace CodeScan.Api.Tests.Dashboard;

/// <summary>
/// The liability panel as the page shows it (tests/clients/console/dashboard-snapshot.mjs): the date it is at, its
/// summary line, a stacked bar per aging bucket, and its table: a row per figure, a cell per column.
/// </summary>
public sealed record DashboardLiability(
    string AsOf,
    string Text,
    string? Summary,
    string? Empty,
    string? ChartName,
    IReadOnlyList<DashboardAgingBar> Bars,
    IReadOnlyList<string> XLabels,
    IReadOnlyList<DashboardColumn> Columns,
    IReadOnlyList<DashboardFigureRow> Rows);

/// <summary>An aging bucket's bar: its data-* attributes, its hover title and its drawn parts.</summary>
public sealed record DashboardAgingBar(int FromDays, int? ToDays, long TotalMinorUnits, string Title, IReadOnlyList<DashboardSegment> Segments);

/// <summary>A part of a stacked bar: what it is (principal, bonus, timesCards, coupons, membershipCards), its value and height.</summary>
public sealed record DashboardSegment(string Key, long Value, string Title, double Height);

/// <summary>A column of a table: its id (<c>outstanding</c>, <c>aging-31</c>, <c>breakage</c>) and its heading.</summary>
public sealed record DashboardColumn(string Id, string Label);

/// <summary>A row of the liability table: the figure's path (e.g. <c>storedValue.principal</c>), its label and a cell per column.</summary>
public sealed record DashboardFigureRow(string Figure, string Label, IReadOnlyList<DashboardCell> Cells);

/// <summary>A cell: its column, the exact value it carries (minor units or a count) and its text.</summary>
public sealed record DashboardCell(string Column, long Value, string Text);

/// <summary>The top-coupons panel: why it is empty (the platform, no template), its range line, ranking and rows.</summary>
public sealed record DashboardCoupons(string? Platform, string? Empty, string? Range, string? Order, IReadOnlyList<DashboardCouponRow> Rows);

/// <summary>A coupon template's row: its id and its cells (rank, name, then the figures, each with its raw value).</summary>
public sealed record DashboardCouponRow(string ItemId, IReadOnlyList<DashboardCouponCell> Cells)
{
    public DashboardCouponCell Cell(string column) => Cells.Single(cell => cell.Column == column);
}

/// <summary>A cell of the top-coupons table: <c>Value</c> is the API's raw figure (empty for none), <c>Text</c> what is shown.</summary>
public sealed record DashboardCouponCell(string Column, string? Value, string Text);
