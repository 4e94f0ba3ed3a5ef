using CsvHelper;

namespace CodeScan.Api.Endpoints;

/// <summary>
/// A CSV download (RFC 4180: CRLF, a header row, fields quoted when they need it) written to the response a page at a
/// time. The writer writes synchronously, which Kestrel refuses on the response: it writes a page into memory, and
/// <see cref="SendAsync"/> sends the page asynchronously and flushes it before the next is read.
/// </summary>
internal sealed class CsvResponse : IAsyncDisposable
{
    private readonly MemoryStream _page = new();
    private readonly HttpContext _http;

    private CsvResponse(HttpContext http)
    {
        _http = http;
        Csv = CsvWriter.Create(_page, CsvWriterOptions.Default, leaveOpen: true);
    }

    public CsvWriter Csv { get; }

    /// <summary>Sets the content type and the file name, and writes the header row (sent with the first page).</summary>
    public static CsvResponse Start(HttpContext http, string fileName, string[] header)
    {
        http.Response.ContentType = "text/csv; charset=utf-8; header=present";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var response = new CsvResponse(http);
        response.Csv.WriteHeader(header);
        return response;
    }

    /// <summary>Sends what was written since the last page, and flushes it to the client.</summary>
    public async Task SendAsync()
    {
        Csv.Flush();
        await _http.Response.Body.WriteAsync(_page.GetBuffer().AsMemory(0, (int)_page.Length), _http.RequestAborted);
        await _http.Response.Body.FlushAsync(_http.RequestAborted);
        _page.SetLength(0);
    }

    public async ValueTask DisposeAsync()
    {
        await Csv.DisposeAsync();
        await _page.DisposeAsync();
    }
}
