using System.Data.Common;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>The batch's parameters, made by the connection's provider.</summary>
internal sealed class BatchParameters(DbProviderFactory factory)
{
    private readonly List<DbParameter> _all = [];

    public IEnumerable<object> All => _all;

    public string Add(object value)
    {
        var parameter = factory.CreateParameter()!;
        parameter.ParameterName = "@b" + _all.Count;
        parameter.Value = value;
        _all.Add(parameter);
        return parameter.ParameterName;
    }
}
