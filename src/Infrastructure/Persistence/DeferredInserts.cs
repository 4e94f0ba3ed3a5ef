using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// New rows a unit of work adds — a redemption, a reversal — written by the commit batch instead of by
/// SaveChanges in a round trip of its own (MySQL, docs/decisions/0009). Columns, values and parameters come
/// from EF's own model and type mappings, so a row is written exactly as SaveChanges would write it. Only plain
/// rows qualify: one table, no owned or related entities, no keys pointing either way, no unique index but the
/// primary key, and no value the database generates. A duplicate can then only be a fresh primary key, which
/// does not happen; anything else goes through SaveChanges as before.
/// </summary>
internal sealed class DeferredInserts
{
    /// <summary>Each entity type's INSERT, or <c>null</c> when it does not qualify; the model never changes.</summary>
    private static readonly ConcurrentDictionary<IEntityType, RowShape?> Shapes = new();

    private readonly List<(RowShape Shape, object?[] Values)> _rows = [];

    public void Reset() => _rows.Clear();

    /// <summary>Takes the added entries that qualify out of SaveChanges' hands: they are tracked as saved from now on.</summary>
    public void TakeFrom(DbContext db)
    {
        var names = db.GetService<ISqlGenerationHelper>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            if (Shapes.GetOrAdd(entry.Metadata, type => RowShape.Of(type, names)) is not { } shape || !HasEveryValue(entry))
            {
                continue;
            }

            _rows.Add((shape, shape.Properties.Select(p => entry.Property(p).CurrentValue).ToArray()));
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>
    /// One INSERT per row, its values as each column's type mapping writes them: NULL, numbers and booleans as the
    /// mapping's own literals, everything else (text) as parameters the mapping makes.
    /// </summary>
    public void AppendTo(StringBuilder sql, BatchParameters parameters)
    {
        foreach (var (shape, values) in _rows)
        {
            sql.Append(shape.InsertInto)
               .AppendJoin(", ", values.Select((value, i) => Value(parameters, shape.Mappings[i], value)))
               .Append(");\n");
        }
    }

    private static string Value(BatchParameters parameters, RelationalTypeMapping mapping, object? value) =>
        (value is null || mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value)) switch
        {
            null => "NULL",
            (long or int or short or byte or bool) and var stored => mapping.GenerateProviderValueSqlLiteral(stored),
            _ => parameters.Add(mapping, value),
        };

    /// <summary>Every value is the entity's own: nothing temporary, no key left for the database to make.</summary>
    private static bool HasEveryValue(EntityEntry entry) =>
        entry.Properties.All(p => !p.IsTemporary
            && (p.Metadata.ValueGenerated == ValueGenerated.Never || !Equals(p.CurrentValue, p.Metadata.Sentinel)));

    /// <param name="InsertInto"><c>INSERT INTO `table` (`a`, `b`) VALUES (</c></param>
    private sealed record RowShape(string InsertInto, IProperty[] Properties, RelationalTypeMapping[] Mappings)
    {
        public static RowShape? Of(IEntityType type, ISqlGenerationHelper names)
        {
            if (!Qualifies(type))
            {
                return null;
            }

            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var properties = type.GetProperties().ToArray();
            var insertInto = $"INSERT INTO {names.DelimitIdentifier(table.Name, table.Schema)} " +
                $"({string.Join(", ", properties.Select(p => names.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES (";
            return new RowShape(insertInto, properties, [.. properties.Select(p => p.GetRelationalTypeMapping())]);
        }

        private static bool Qualifies(IEntityType type) =>
            type.GetTableName() is not null
            && type.GetViewName() is null
            && type.BaseType is null
            && !type.GetDirectlyDerivedTypes().Any()
            && !type.IsOwned()
            && !type.GetNavigations().Any()
            && !type.GetSkipNavigations().Any()
            && !type.GetComplexProperties().Any()
            && !type.GetForeignKeys().Any()
            && !type.GetReferencingForeignKeys().Any()
            && !type.GetIndexes().Any(i => i.IsUnique)
            && type.GetProperties().All(p =>
                p.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema())) is not null
                && p.GetComputedColumnSql() is null
                && p.GetDefaultValueSql() is null
                && !p.TryGetDefaultValue(out _));
    }
}
