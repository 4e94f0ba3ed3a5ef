namespace CodeScan.Domain.Catalog;

/// <summary>Active items are sold; paused ones are not for now; archived ones never again.</summary>
public enum CatalogItemStatus
{
    Active,
    Paused,
    Archived,
}
