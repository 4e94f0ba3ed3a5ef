using System.Globalization;
using CodeScan.Application.Analytics.GetMerchantCustomers;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Domain.Common;
using GraphQL;

namespace CodeScan.Api.Endpoints;

/// <summary>The heading facts of a customer report, a merchant's or the platform's (<c>time_zone</c> empty: each merchant's own days).</summary>
internal sealed record CustomersSheet(string TimeZone, string Currency, SalesGranularity Granularity, IReadOnlyList<CustomerPeriod> Periods, CustomerPeriod Total);

/// <summary>
/// <c>merchantCustomers</c> or <c>platformCustomers</c> as CSV: a row per period (<c>period</c> DAY, WEEK or MONTH), oldest
/// first, then the range's total (<c>period</c> TOTAL), which BI tools need because distinct customers do not add up
/// across periods. Counts only, no customer and no phone; money in minor units and as an exact decimal, empty where
/// the field is null. Sent a page of rows at a time.
/// </summary>
internal sealed class CustomersCsv(CustomersSheet sheet, string fileName) : IResult
{
    public const int PageRows = 31;

    public static readonly string[] Header =
    [
        "period", "from", "to", "time_zone", "currency", "active", "new", "returning", "repeat", "repeat_rate", "payments",
        "bill_minor", "bill", "average_ticket_minor", "average_ticket",
    ];

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var response = CsvResponse.Start(http, fileName, Header);
        var written = 0;
        foreach (var (period, kind) in sheet.Periods.Select(p => (p, sheet.Granularity.ToString().ToConstantCase())).Append((sheet.Total, "TOTAL")))
        {
            response.Csv.WriteRecord(Row(kind, period));
            if (++written % PageRows == 0)
            {
                await response.SendAsync();
            }
        }

        await response.SendAsync();
    }

    private string?[] Row(string kind, CustomerPeriod p)
    {
        var digits = Currencies.MinorDigits(p.Currency);
        string N(long value) => value.ToString(CultureInfo.InvariantCulture);
        return
        [
            kind, PerformanceCsv.Day(p.From), PerformanceCsv.Day(p.To), sheet.TimeZone, p.Currency, N(p.Active), N(p.New), N(p.Returning),
            N(p.Repeat), p.RepeatRate?.ToString("R", CultureInfo.InvariantCulture), N(p.Payments), N(p.Bill), Money.Format(p.Bill, digits),
            p.AverageTicket is { } average ? N(average) : null, p.AverageTicket is { } ticket ? Money.Format(ticket, digits) : null,
        ];
    }
}
