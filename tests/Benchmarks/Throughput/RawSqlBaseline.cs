using System.Globalization;
using MySqlConnector;

namespace CodeScan.Benchmarks.Throughput;

/// <summary>
/// The least durable work a payment needs, in plain SQL on the same MariaDB: lock and debit one of the
/// accounts (a guarded UPDATE, so the balance never goes negative), two transfer rows, one event row,
/// COMMIT. One connection per client, kept open for the whole run.
/// </summary>
internal sealed class RawSqlBaseline : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _serverConnectionString;
    private readonly int _accounts;
    private readonly List<Client> _clients = [];

    private RawSqlBaseline(string serverConnectionString, string databaseName, int accounts)
    {
        _serverConnectionString = serverConnectionString;
        DatabaseName = databaseName;
        _accounts = accounts;
        _connectionString = new MySqlConnectionStringBuilder(serverConnectionString) { Database = databaseName, MaximumPoolSize = 2048 }.ConnectionString;
    }

    public string DatabaseName { get; }

    public static async Task<RawSqlBaseline> CreateAsync(string serverConnectionString, string databaseName, int accounts)
    {
        var baseline = new RawSqlBaseline(serverConnectionString, databaseName, accounts);
        await using var connection = new MySqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            CREATE DATABASE `{databaseName}`;
            USE `{databaseName}`;
            CREATE TABLE accounts (
              id INT NOT NULL PRIMARY KEY,
              balance BIGINT NOT NULL,
              updated_at DATETIME(6) NOT NULL
            ) ENGINE=InnoDB;
            CREATE TABLE transfers (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              transaction_id CHAR(36) NOT NULL,
              account_id INT NOT NULL,
              amount BIGINT NOT NULL,
              created_at DATETIME(6) NOT NULL,
              KEY ix_transfers_account (account_id)
            ) ENGINE=InnoDB;
            CREATE TABLE events (
              position BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              event_id CHAR(36) NOT NULL,
              stream_id VARCHAR(64) NOT NULL,
              event_type VARCHAR(100) NOT NULL,
              payload LONGTEXT NOT NULL,
              recorded_at DATETIME(6) NOT NULL,
              UNIQUE KEY ux_events_event_id (event_id),
              KEY ix_events_stream (stream_id)
            ) ENGINE=InnoDB;
            """);

        // Account 0 is the merchant's; it is credited in the transfer rows only, so it is no hot row.
        var rows = Enumerable.Range(0, accounts + 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"({i}, 1000000000000, UTC_TIMESTAMP(6))"));
        foreach (var chunk in rows.Chunk(1000))
        {
            await ExecuteAsync(connection, "INSERT INTO accounts (id, balance, updated_at) VALUES " + string.Join(",", chunk));
        }

        return baseline;
    }

    /// <summary>Opens one connection per client before the run, so the run measures transactions only.</summary>
    public async Task OpenClientsAsync(int clients)
    {
        while (_clients.Count < clients)
        {
            var connection = new MySqlConnection(_connectionString);
            await connection.OpenAsync();
            _clients.Add(new Client(connection));
        }
    }

    /// <summary>One payment transaction by client <paramref name="client"/>; <c>null</c> when it committed.</summary>
    public async Task<string?> PayAsync(int client)
    {
        var state = _clients[client];
        var account = Random.Shared.Next(1, _accounts + 1);
        var transactionId = Guid.NewGuid().ToString();
        var now = DateTime.UtcNow;
        await using var transaction = await state.Connection.BeginTransactionAsync();

        state.Debit.Transaction = transaction;
        state.Debit.Parameters["@id"].Value = account;
        state.Debit.Parameters["@now"].Value = now;
        if (await state.Debit.ExecuteNonQueryAsync() != 1)
        {
            await transaction.RollbackAsync();
            return $"account {account}: insufficient balance";
        }

        state.Transfers.Transaction = transaction;
        state.Transfers.Parameters["@tx"].Value = transactionId;
        state.Transfers.Parameters["@account"].Value = account;
        state.Transfers.Parameters["@now"].Value = now;
        await state.Transfers.ExecuteNonQueryAsync();

        state.Event.Transaction = transaction;
        state.Event.Parameters["@eventId"].Value = Guid.NewGuid().ToString();
        state.Event.Parameters["@stream"].Value = "account-" + account.ToString(CultureInfo.InvariantCulture);
        state.Event.Parameters["@payload"].Value =
            $$"""{"transactionId":"{{transactionId}}","accountId":{{account}},"amount":1,"currency":"CNY","occurredAt":"{{now:O}}"}""";
        state.Event.Parameters["@now"].Value = now;
        await state.Event.ExecuteNonQueryAsync();

        await transaction.CommitAsync();
        return null;
    }

    public async Task<IReadOnlyDictionary<string, string>> ServerSettingsAsync()
    {
        await using var connection = new MySqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            "SELECT VERSION(), @@innodb_flush_log_at_trx_commit, @@innodb_flush_method, @@innodb_doublewrite, @@log_bin, @@sync_binlog, @@innodb_buffer_pool_size, @@thread_handling", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        string Value(int i) => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
        return new Dictionary<string, string>
        {
            ["version"] = Value(0),
            ["innodb_flush_log_at_trx_commit"] = Value(1),
            ["innodb_flush_method"] = Value(2),
            ["innodb_doublewrite"] = Value(3),
            ["log_bin"] = Value(4),
            ["sync_binlog"] = Value(5),
            ["innodb_buffer_pool_size"] = Value(6),
            ["thread_handling"] = Value(7),
        };
    }

    public async Task DropAsync()
    {
        await using var connection = new MySqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS `{DatabaseName}`");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _clients.Clear();
        await using var pooled = new MySqlConnection(_connectionString);
        MySqlConnection.ClearPool(pooled);
    }

    public static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A client's connection and its three statements, parameters bound per transaction.</summary>
    private sealed class Client : IAsyncDisposable
    {
        public Client(MySqlConnection connection)
        {
            Connection = connection;
            Debit = new MySqlCommand("UPDATE accounts SET balance = balance - 1, updated_at = @now WHERE id = @id AND balance >= 1", connection);
            Debit.Parameters.Add("@id", MySqlDbType.Int32);
            Debit.Parameters.Add("@now", MySqlDbType.DateTime);
            Transfers = new MySqlCommand(
                "INSERT INTO transfers (transaction_id, account_id, amount, created_at) VALUES (@tx, @account, -1, @now), (@tx, 0, 1, @now)", connection);
            Transfers.Parameters.Add("@tx", MySqlDbType.VarChar);
            Transfers.Parameters.Add("@account", MySqlDbType.Int32);
            Transfers.Parameters.Add("@now", MySqlDbType.DateTime);
            Event = new MySqlCommand(
                "INSERT INTO events (event_id, stream_id, event_type, payload, recorded_at) VALUES (@eventId, @stream, 'StoredValueRedeemed', @payload, @now)", connection);
            Event.Parameters.Add("@eventId", MySqlDbType.VarChar);
            Event.Parameters.Add("@stream", MySqlDbType.VarChar);
            Event.Parameters.Add("@payload", MySqlDbType.LongText);
            Event.Parameters.Add("@now", MySqlDbType.DateTime);
        }

        public MySqlConnection Connection { get; }

        public MySqlCommand Debit { get; }

        public MySqlCommand Transfers { get; }

        public MySqlCommand Event { get; }

        public async ValueTask DisposeAsync()
        {
            await Debit.DisposeAsync();
            await Transfers.DisposeAsync();
            await Event.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
