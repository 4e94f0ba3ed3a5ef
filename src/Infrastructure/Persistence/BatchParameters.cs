using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>
/// The batch's values. Text goes as parameters made by the connection's provider (the command only makes them; EF
/// runs the batch); numbers and ids this code formats itself go in the statement as literals, which is how the
/// provider would send a parameter of theirs anyway (as text, in the statement) without an object per value.
/// </summary>
internal sealed class BatchParameters(DbCommand command)
{
    private readonly List<IRelationalParameter> _all = [];

    /// <summary>The parameters as EF adds them to the command it runs.</summary>
    public IReadOnlyList<IRelationalParameter> All => _all;

    public string Add(object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@b" + _all.Count;
        parameter.Value = value;
        _all.Add(new Made(parameter));
        return parameter.ParameterName;
    }

    /// <summary>A parameter made as EF makes it for a column of this type mapping (value converter, type, size).</summary>
    public string Add(RelationalTypeMapping mapping, object? value)
    {
        var parameter = mapping.CreateParameter(command, "@b" + _all.Count, value, nullable: true);
        _all.Add(new Made(parameter));
        return parameter.ParameterName;
    }

    /// <summary>An integer as a SQL literal (invariant digits, whatever the thread's culture).</summary>
    public static string Literal(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An id as the SQL string literal the columns hold it as (<c>'xxxxxxxx-xxxx-…'</c>: hex digits and dashes only).</summary>
    public static string Literal(Guid value) => string.Create(38, value, static (span, id) =>
    {
        span[0] = '\'';
        id.TryFormat(span[1..], out _, "D");
        span[^1] = '\'';
    });

    /// <summary>A parameter this batch made, added to the command EF creates for it as it is.</summary>
    private sealed class Made(DbParameter parameter) : IRelationalParameter
    {
        public string InvariantName => parameter.ParameterName;

        public void AddDbParameter(DbCommand command, object? value) => command.Parameters.Add(parameter);

        public void AddDbParameter(DbCommand command, IReadOnlyDictionary<string, object?>? parameterValues) => command.Parameters.Add(parameter);
    }
}
