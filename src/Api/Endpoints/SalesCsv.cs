using System.Globalization;
using CodeScan.Application.Analytics.ExportMerchantSales;
using CodeScan.Application.Analytics.GetMerchantSales;
using CodeScan.Domain.Common;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// Daily sales rollups as CSV, written to the response as the days are read, a page at a time. Money columns are
/// exact decimal major units (<c>12.30</c>) beside a <c>currency</c> column; dates are local dates: the merchant's
/// (named in <c>time_zone</c>), or for the platform each merchant's own (<c>time_zone</c> empty).
/// </summary>
internal sealed class SalesCsv(string timeZone, IAsyncEnumerable<SalesPeriod> days, string fileName) : IResult
{
    public static readonly string[] Header =
    [
        "date", "time_zone", "currency", "payments", "bill", "membership_discount", "coupon_discount", "from_principal", "from_bonus",
        "paid_outside", "times_card_uses", "reversals", "reversed_principal", "reversed_bonus", "reversed_outside", "recharges",
        "recharged_principal", "recharged_bonus", "cards_sold", "card_sales", "coupons_issued", "coupon_sales", "net",
    ];

    public async Task ExecuteAsync(HttpContext http)
    {
        await using var response = CsvResponse.Start(http, fileName, Header);
        var written = 0;
        await foreach (var day in days.WithCancellation(http.RequestAborted))
        {
            response.Csv.WriteRecord(Row(day));
            if (++written % ExportMerchantSalesHandler.PageDays == 0)
            {
                await response.SendAsync();
            }
        }

        await response.SendAsync();
    }

    private string[] Row(SalesPeriod day)
    {
        var digits = Currencies.MinorDigits(day.Currency);
        var (payments, reversals, recharges) = (day.Payments(), day.Reversals(), day.Recharges);
        string M(long amount) => Money.Format(amount, digits);
        return
        [
            day.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), timeZone, day.Currency, Count(payments.Count),
            M(payments.Bill), M(payments.MembershipDiscount), M(payments.CouponDiscount), M(payments.FromPrincipal), M(payments.FromBonus),
            M(payments.PaidOutside), Count(payments.Uses), Count(reversals.Count), M(reversals.Principal), M(reversals.Bonus),
            M(reversals.Outside), Count(recharges.Count), M(recharges.Principal), M(recharges.Bonus), Count(day.Cards.Count),
            M(day.Cards.Amount), Count(day.Coupons.Count), M(day.Coupons.Amount), M(day.Net),
        ];
    }

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
