using GraphQLParser.AST;

namespace CodeScan.Api.Transport;

/// <summary>
/// A transport's validation rule that depends only on the operation's type (query, mutation, subscription), so
/// the document cache can answer it without a validation pass over the document.
/// </summary>
internal interface IOperationTypeRule
{
    bool Allows(OperationType operation);
}
