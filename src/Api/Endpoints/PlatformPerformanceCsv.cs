using CodeScan.Application.Analytics.GetPlatformInstrumentPerformance;
using GraphQL;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// <c>platformInstrumentPerformance</c> as CSV: a row per kind of instrument (coupons, times cards, membership cards),
/// with the figure columns of the merchant's performance export; <c>time_zone</c> is the zone of the expiry window.
/// </summary>
internal sealed class PlatformPerformanceCsv(PlatformInstrumentPerformanceReport report, string fileName) : IResult
{
    public static readonly string[] Header = ["from", "to", "time_zone", "currency", "kind", .. PerformanceCsv.FigureHeader];

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var response = CsvResponse.Start(http, fileName, Header);
        foreach (var kind in report.Kinds)
        {
            string?[] row =
            [
                PerformanceCsv.Day(report.From), PerformanceCsv.Day(report.To), report.TimeZone, report.Currency,
                kind.Item.Kind.ToString().ToConstantCase(), .. PerformanceCsv.Figures(kind),
            ];
            response.Csv.WriteRecord(row);
        }

        await response.SendAsync();
    }
}
