using System.Globalization;
using CodeScan.Application.Analytics.ExportMerchantSales;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Domain.Common;
using CsvHelper;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// The daily sales rollups as CSV (RFC 4180: CRLF, a header row, fields quoted when they need it), written to the
/// response as the days are read, a page at a time, and flushed after each page. Money columns are exact decimal
/// major units (<c>12.30</c>) beside a <c>currency</c> column; dates are the merchant's local dates.
/// </summary>
internal sealed class SalesCsv(SalesExport export, string fileName) : IResult
{
    public static readonly string[] Header =
    [
        "date", "time_zone", "currency", "payments", "bill", "membership_discount", "coupon_discount", "from_principal", "from_bonus",
        "paid_outside", "times_card_uses", "reversals", "reversed_principal", "reversed_bonus", "reversed_outside", "recharges",
        "recharged_principal", "recharged_bonus", "cards_sold", "card_sales", "coupons_issued", "coupon_sales", "net",
    ];

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.ContentType = "text/csv; charset=utf-8; header=present";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";

        // The writer writes synchronously, which Kestrel refuses on the response: it writes a page into memory,
        // and the page goes out asynchronously before the next is read.
        using var page = new MemoryStream();
        await using var csv = CsvWriter.Create(page, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteHeader(Header);
        var written = 0;
        await foreach (var day in export.Days.WithCancellation(http.RequestAborted))
        {
            WriteDay(csv, day);
            csv.EndRecord();
            if (++written % ExportMerchantSalesHandler.PageDays == 0)
            {
                await SendAsync(csv, page, http);
            }
        }

        await SendAsync(csv, page, http);
    }

    private static async Task SendAsync(CsvWriter csv, MemoryStream page, HttpContext http)
    {
        csv.Flush();
        await http.Response.Body.WriteAsync(page.GetBuffer().AsMemory(0, (int)page.Length), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        page.SetLength(0);
    }

    private void WriteDay(CsvWriter csv, SalesPeriod day)
    {
        var digits = Currencies.MinorDigits(day.Currency);
        var (payments, reversals, recharges) = (day.Payments(), day.Reversals(), day.Recharges);
        csv.WriteField(day.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        csv.WriteField(export.TimeZone);
        csv.WriteField(day.Currency);
        csv.WriteField(Count(payments.Count));
        foreach (var amount in new[] { payments.Bill, payments.MembershipDiscount, payments.CouponDiscount, payments.FromPrincipal, payments.FromBonus, payments.PaidOutside })
        {
            csv.WriteField(Money.Format(amount, digits));
        }

        csv.WriteField(Count(payments.Uses));
        csv.WriteField(Count(reversals.Count));
        csv.WriteField(Money.Format(reversals.Principal, digits));
        csv.WriteField(Money.Format(reversals.Bonus, digits));
        csv.WriteField(Money.Format(reversals.Outside, digits));
        csv.WriteField(Count(recharges.Count));
        csv.WriteField(Money.Format(recharges.Principal, digits));
        csv.WriteField(Money.Format(recharges.Bonus, digits));
        csv.WriteField(Count(day.Cards.Count));
        csv.WriteField(Money.Format(day.Cards.Amount, digits));
        csv.WriteField(Count(day.Coupons.Count));
        csv.WriteField(Money.Format(day.Coupons.Amount, digits));
        csv.WriteField(Money.Format(day.Net, digits));
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
