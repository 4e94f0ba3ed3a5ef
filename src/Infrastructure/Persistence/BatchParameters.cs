using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>The batch's parameters, made by the connection's provider (the command only makes them; EF runs the batch).</summary>
internal sealed class BatchParameters(DbCommand command)
{
    private readonly List<DbParameter> _all = [];

    public IEnumerable<object> All => _all;

    public string Add(object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@b" + _all.Count;
        parameter.Value = value;
        _all.Add(parameter);
        return parameter.ParameterName;
    }

    /// <summary>A parameter made as EF makes it for a column of this type mapping (value converter, type, size).</summary>
    public string Add(RelationalTypeMapping mapping, object? value)
    {
        var parameter = mapping.CreateParameter(command, "@b" + _all.Count, value, nullable: true);
        _all.Add(parameter);
        return parameter.ParameterName;
    }
}
