namespace CodeScan.Application.Nodes.GetNode;

/// <summary>The kinds of object <see cref="GetNodeQuery"/> can fetch again by id.</summary>
public enum NodeKind
{
    /// <summary>An id that names no kind this query loads: the answer is null.</summary>
    Unknown,
    Merchant,

    /// <summary>A customer's wallet at a merchant: loaded for that customer only.</summary>
    Wallet,
}
