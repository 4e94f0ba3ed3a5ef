using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL;

/// <summary>
/// One root field of the schema, declared in <c>GraphQL/&lt;Area&gt;/&lt;UseCase&gt;.cs</c> next to its input
/// and payload types, mirroring <c>Application/&lt;Area&gt;/&lt;UseCase&gt;/</c>.
/// </summary>
public interface IRootField
{
    /// <summary>Adds the field (and only that field) to <paramref name="root"/>.</summary>
    static abstract void AddTo(ObjectGraphType root);
}

/// <summary>Query, Mutation and Subscription: lists of root fields, in the order the schema prints them.</summary>
public abstract class RootType : ObjectGraphType
{
    public const string UseCaseKey = "codescan.useCase";

    /// <summary>Adds <typeparamref name="TField"/>'s field and remembers which use case declared it.</summary>
    protected void Add<TField>()
        where TField : IRootField
    {
        var before = Fields.Count;
        TField.AddTo(this);
        foreach (var field in Fields.Skip(before))
        {
            field.Metadata[UseCaseKey] = typeof(TField);
        }
    }
}
