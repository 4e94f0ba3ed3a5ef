using CodeScan.Api.Transport.Http;
using Microsoft.Extensions.Primitives;

namespace CodeScan.Api.Tests.Transport.Http;

public sealed class ResponseMediaTypesTests
{
    [Theory]
    [InlineData("", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*;q=0.8", "application/json")]
    [InlineData("application/graphql-response+json;q=0.8, application/json;q=0.9", "application/json")]
    [InlineData("application/graphql-response+json;q=0.9, application/json;q=0.8", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json, application/*;q=1", "application/graphql-response+json")]
    [InlineData("application/json, application/*;q=1", "application/json")]
    [InlineData("APPLICATION/GRAPHQL-RESPONSE+JSON", "application/graphql-response+json")]
    [InlineData("*/*;q=0.1, application/json;q=0", "application/graphql-response+json")]
    public void Negotiate_PicksTheMostWantedType(string accept, string expected)
        => Assert.Equal(expected, ResponseMediaTypes.Negotiate(new StringValues(accept)));

    [Fact]
    public void Negotiate_WhenHeaderIsRepeated_ConsidersEveryValue()
        => Assert.Equal(
            "application/graphql-response+json",
            ResponseMediaTypes.Negotiate(new StringValues(["text/html", "application/graphql-response+json"])));

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("*/*;q=0")]
    [InlineData("application/json;q=0")]
    public void Negotiate_WhenNoJsonTypeIsAcceptable_ReturnsNull(string accept)
        => Assert.Null(ResponseMediaTypes.Negotiate(new StringValues(accept)));
}
