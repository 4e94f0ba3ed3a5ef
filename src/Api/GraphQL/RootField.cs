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

    /// <summary>
    /// A query field that may refuse its caller (anything but <see cref="Access.Anonymous"/>) is nullable, so a
    /// refusal is that field's <c>null</c> and an error at its path, and the rest of the answer stands.
    /// </summary>
    protected void MakeRefusableFieldsNullable()
    {
        foreach (var field in Fields.Where(f => f.DeclaredAccess() is not Access.Anonymous))
        {
            if (field.Type is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
            {
                field.Type = type.GetGenericArguments()[0];
            }
        }
    }
}
