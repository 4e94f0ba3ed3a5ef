using System.Diagnostics;
using System.Net.Http.Headers;
using CodeScan.Api.Tests.Support;
using CsvHelper;

namespace CodeScan.Api.Tests.Analytics;

/// <summary>A downloaded CSV: status, content type and disposition, and the text.</summary>
public sealed record CsvDownload(int Status, string? ContentType, string? Disposition, string Body);

/// <summary>Downloads an export over real HTTP (HttpClient, or curl in its own process) and parses it back with CsvHelper.</summary>
public static class SalesExportCalls
{
    public static readonly string[] Header =
    [
        "date", "time_zone", "currency", "payments", "bill", "membership_discount", "coupon_discount", "from_principal", "from_bonus",
        "paid_outside", "times_card_uses", "reversals", "reversed_principal", "reversed_bonus", "reversed_outside", "recharges",
        "recharged_principal", "recharged_bonus", "cards_sold", "card_sales", "coupons_issued", "coupon_sales", "net",
    ];

    public static string SalesCsvPath(string merchantId, DateOnly from, DateOnly to) =>
        $"/merchants/{Uri.EscapeDataString(merchantId)}/exports/sales.csv?from={SalesCalls.Iso(from)}&to={SalesCalls.Iso(to)}";

    public static async Task<CsvDownload> GetAsync(CodeScanHost host, string? token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await host.Http.SendAsync(request);
        return new CsvDownload(
            (int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentDisposition?.ToString(), await response.Content.ReadAsStringAsync());
    }

    /// <summary>curl as a BI tool's script would call it: <c>curl -sS -D headers -H "Authorization: Bearer …" URL</c>.</summary>
    public static async Task<(string Headers, string Body)> CurlAsync(CodeScanHost host, string token, string path)
    {
        var headers = Path.GetTempFileName();
        var start = new ProcessStartInfo("curl")
        {
            ArgumentList = { "-sS", "-D", headers, "-H", $"Authorization: Bearer {token}", new Uri(host.BaseAddress, path).ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var curl = Process.Start(start)!;
        var body = curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(curl.ExitCode == 0, await curl.StandardError.ReadToEndAsync());
        var text = await File.ReadAllTextAsync(headers);
        File.Delete(headers);
        return (text, await body);
    }

    /// <summary>Every record as header name → field; the header must be <paramref name="header"/> (the sales export's unless given).</summary>
    public static List<Dictionary<string, string>> Parse(string csv, string[]? header = null)
    {
        using var reader = CsvReader.FromText(csv);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, h => reader.GetString(h)));
        }

        Assert.Equal(header ?? Header, reader.Headers.ToArray());
        return rows;
    }
}
