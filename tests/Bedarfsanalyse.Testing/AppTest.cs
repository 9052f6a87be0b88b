using Bedarfsanalyse.Data.Accounts;

namespace Bedarfsanalyse.Testing;

/// <summary>
/// A test against the whole app: empty data, the app on a test server, and one user per role in the MehrWert
/// network (interviewer assigned to Holzminden 03255) plus an admin.
/// </summary>
public abstract class AppTest(TestDatabase database) : DatabaseTest(database)
{
    public const string Network = "mehrwert";
    public const string OtherNetwork = "leine-weser";
    public const string Holzminden = "03255";
    public const string HamelnPyrmont = "03252";
    public const string RegionHannover = "03241";

    protected TestApp App { get; private set; } = null!;

    protected Guid AdminId { get; private set; }

    protected Guid InterviewerId { get; private set; }

    protected Guid SteeringId { get; private set; }

    protected Guid AnalystId { get; private set; }

    protected virtual IDictionary<string, string?>? Settings => null;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = await TestApp.StartAsync(Database.ConnectionString, Settings);
        AdminId = await App.CreateUserAsync("admin@example.org", [Roles.Admin]);
        InterviewerId = await App.CreateUserAsync("interviewer@example.org", [Roles.Interviewer], Network, Holzminden);
        SteeringId = await App.CreateUserAsync("steering@example.org", [Roles.Steering], Network);
        AnalystId = await App.CreateUserAsync("analyst@example.org", [Roles.Analyst], Network);
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}
