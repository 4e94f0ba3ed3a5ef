using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace CodeScan.Api.Transport.Http;

/// <summary>
/// Reads a request body but stops as soon as it passes the limit, so a chunked upload without
/// <c>Content-Length</c> cannot make the server buffer more than it allows. The body stays in the
/// request's pipe buffers, which are pooled: nothing is copied before the parser reads it.
/// </summary>
internal static class CappedBodyReader
{
    /// <summary>
    /// Hands the whole body to <paramref name="consume"/> (valid only during the call) and returns what it made;
    /// <c>Fits</c> is <c>false</c> when the body is larger than <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<(bool Fits, T? Result)> ReadAsync<T>(
        PipeReader body, long maxBytes, Func<ReadOnlySequence<byte>, T> consume, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                if (buffer.Length > maxBytes)
                {
                    body.AdvanceTo(buffer.End);
                    return (false, default);
                }

                if (read.IsCompleted)
                {
                    try
                    {
                        return (true, consume(buffer));
                    }
                    finally
                    {
                        body.AdvanceTo(buffer.End);
                    }
                }

                // Nothing consumed, everything looked at: the next read returns once more has arrived.
                body.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own body limit is lower than ours; the answer to the client is the same.
            return (false, default);
        }
    }
}
