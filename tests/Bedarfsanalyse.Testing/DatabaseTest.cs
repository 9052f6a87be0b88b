using Bedarfsanalyse.Data;

namespace Bedarfsanalyse.Testing;

/// <summary>Base of every test that touches PostgreSQL: starts from empty data (reference data kept).</summary>
[Collection(TestDatabase.CollectionName)]
public abstract class DatabaseTest(TestDatabase database) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = database;

    public virtual Task InitializeAsync() => Database.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected BedarfsanalyseDb CreateDb() => Database.CreateDb();
}
