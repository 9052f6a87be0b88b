using Bedarfsanalyse.Testing;

namespace Bedarfsanalyse.IntegrationTests;

[CollectionDefinition(TestDatabase.CollectionName)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>;
