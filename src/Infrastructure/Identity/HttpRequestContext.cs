using CodeScan.Application.Identity;
using Microsoft.AspNetCore.Http;

namespace CodeScan.Infrastructure.Identity;

/// <summary>
/// The address of the connection the request came in on; for GraphQL over WebSocket, the socket's
/// upgrade request. Behind a proxy, configure forwarded headers so this is the client's address.
/// </summary>
internal sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    public string ClientAddress
    {
        get
        {
            var address = accessor.HttpContext?.Connection.RemoteIpAddress;
            if (address is null)
            {
                return "unknown";
            }

            return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        }
    }
}
