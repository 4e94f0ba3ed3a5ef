using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace CodeScan.Api.Transport.Http;

/// <summary>
/// Reads a request body but stops as soon as it passes the limit, so a chunked upload without
/// <c>Content-Length</c> cannot make the server buffer more than it allows.
/// </summary>
internal static class CappedBodyReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Returns the body, or <c>null</c> when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ChunkSize);
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(buffer.GetMemory(ChunkSize), cancellationToken);
                if (read == 0)
                {
                    return buffer.WrittenMemory;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own body limit is lower than ours; the answer to the client is the same.
            return null;
        }
    }
}
