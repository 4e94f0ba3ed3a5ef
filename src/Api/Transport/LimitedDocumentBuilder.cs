using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace CodeScan.Api.Transport;

/// <summary>
/// Parses query text into a document, refusing what is over <see cref="RequestLimitsOptions"/> as early as it can:
/// the length before anything, the tokens by one pass of the lexer before the parser builds anything, and fragments
/// and fields by one pass over the parsed document (<see cref="DocumentShape"/>), all before validation. Only text
/// that is not cached yet comes here (<see cref="GraphQLDocumentCache"/>), and a cached text passed these checks.
/// </summary>
internal sealed class LimitedDocumentBuilder(IOptions<RequestLimitsOptions> options) : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder parser = new();

    /// <summary>Documents refused here (tests and diagnostics): a refused document never reaches validation.</summary>
    public long Refused => Interlocked.Read(ref refused);

    private long refused;

    public GraphQLDocument Build(string body)
    {
        var limits = options.Value;
        try
        {
            if (body.Length > limits.MaxDocumentLength)
            {
                throw new RequestLimitError(RequestLimitError.DocumentTooLarge,
                    $"The document is {body.Length:N0} characters long; at most {limits.MaxDocumentLength:N0} are allowed.");
            }

            if (CountTokens(body, limits.MaxTokens + 1) > limits.MaxTokens)
            {
                throw new RequestLimitError(RequestLimitError.TooManyTokens,
                    $"The document has more than {limits.MaxTokens:N0} tokens (names, punctuation, values); at most {limits.MaxTokens:N0} are allowed.");
            }

            var document = parser.Build(body);
            DocumentShape.Check(document, limits);
            return document;
        }
        catch (RequestLimitError)
        {
            Interlocked.Increment(ref refused);
            throw;
        }
    }

    /// <summary>Tokens in <paramref name="body"/>, counted up to <paramref name="stopAt"/>; a syntax error ends the count and is left to the parser.</summary>
    private static int CountTokens(string body, int stopAt)
    {
        ROM source = body;
        var count = 0;
        var position = 0;
        try
        {
            while (count < stopAt)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF)
                {
                    break;
                }

                count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The parser reports it, with its location.
        }

        return count;
    }
}
