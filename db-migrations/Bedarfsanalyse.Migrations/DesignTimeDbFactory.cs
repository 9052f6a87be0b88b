using Bedarfsanalyse.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bedarfsanalyse.Migrations;

/// <summary>Lets dotnet-ef build the model without the app; adding a migration or a script needs no database.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<BedarfsanalyseDb>
{
    public BedarfsanalyseDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BedarfsanalyseDb>();
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Bedarfsanalyse")
            ?? "Host=127.0.0.1;Database=bedarfsanalyse;Username=postgres";
        BedarfsanalyseDb.Configure(options, connectionString);
        return new BedarfsanalyseDb(options.Options);
    }
}
