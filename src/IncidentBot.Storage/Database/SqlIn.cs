using System.Globalization;
using System.Text;
using Dapper;

namespace IncidentBot.Storage.Database;

/// <summary>
/// The value list of an <c>IN (…)</c>, one named parameter per value. Dapper expands <c>IN @list</c> that way for
/// SQLite, but hands Npgsql the list as one array parameter, which PostgreSQL accepts only as <c>= ANY(…)</c>
/// (a syntax error in <c>IN</c>); named parameters are the same SQL on both engines.
/// </summary>
internal static class SqlIn
{
    /// <summary>Adds <c>@{name}0…</c> to <paramref name="parameters"/> and returns <c>(@{name}0, @{name}1, …)</c>.</summary>
    public static string List<T>(string name, IReadOnlyList<T> values, DynamicParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var list = new StringBuilder("(");
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = name + i.ToString(CultureInfo.InvariantCulture);
            list.Append(i == 0 ? "@" : ", @").Append(parameter);
            parameters.Add(parameter, values[i]);
        }

        return list.Append(')').ToString();
    }
}
