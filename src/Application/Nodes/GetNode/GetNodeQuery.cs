using CodeScan.Application.Common.Security;
using Mediator;

namespace CodeScan.Application.Nodes.GetNode;

/// <summary>
/// Any object by its kind and id, as <c>node(id)</c> fetches it; null for an unknown object or a kind not
/// loaded here. <paramref name="OwnerId"/> is the customer of a wallet (whose <paramref name="Id"/> is the merchant). Each kind is read exactly as its own query reads it, so it shows no more than that query.
/// </summary>
public sealed record GetNodeQuery(NodeKind Kind, Guid Id, Guid? OwnerId = null) : IQuery<object?>, IRequireSignedIn;
