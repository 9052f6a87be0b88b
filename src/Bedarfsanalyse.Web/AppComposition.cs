using Bedarfsanalyse.Web.Database;
using Bedarfsanalyse.Web.Features.Health;

namespace Bedarfsanalyse.Web;

/// <summary>What the web app is made of: the table of contents of its services and endpoints.</summary>
internal static class AppComposition
{
    public static WebApplicationBuilder AddBedarfsanalyse(this WebApplicationBuilder builder)
    {
        builder.AddDatabase();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealth();
        return builder;
    }

    public static WebApplication MapBedarfsanalyse(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealth();
        return app;
    }
}
