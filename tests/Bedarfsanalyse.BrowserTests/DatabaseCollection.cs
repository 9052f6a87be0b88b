using Bedarfsanalyse.Testing;

namespace Bedarfsanalyse.BrowserTests;

[CollectionDefinition(TestDatabase.CollectionName)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>, ICollectionFixture<ChromiumBrowser>;
