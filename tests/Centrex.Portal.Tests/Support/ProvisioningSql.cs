using Microsoft.Data.Sqlite;

namespace Centrex.Portal.Tests.Support;

/// <summary>
/// SQL run on a serve's <c>provisioning.db</c> beside it, as an operator's tool on the database would: how a test removes
/// a customer, which nothing in the product does.
/// </summary>
public static class ProvisioningSql
{
    /// <summary>Runs <paramref name="sql"/> on <paramref name="dataDirectory"/>'s provisioning store; its last statement's one value.</summary>
    public static long Execute(string dataDirectory, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "provisioning.db"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
