using Bedarfsanalyse.Web.Database;
using Bedarfsanalyse.Web.Features.Accounts;
using Bedarfsanalyse.Web.Features.Analysis;
using Bedarfsanalyse.Web.Features.ApiTokens;
using Bedarfsanalyse.Web.Features.Archive;
using Bedarfsanalyse.Web.Features.Audit;
using Bedarfsanalyse.Web.Features.Districts;
using Bedarfsanalyse.Web.Features.Establishments;
using Bedarfsanalyse.Web.Features.Health;
using Bedarfsanalyse.Web.Features.Interviews;
using Bedarfsanalyse.Web.Features.Networks;
using Bedarfsanalyse.Web.Features.Questionnaires;
using Bedarfsanalyse.Web.Features.ReportRequests;
using Bedarfsanalyse.Web.Features.Reports;
using Bedarfsanalyse.Web.Features.Users;
using Bedarfsanalyse.Web.Jobs;
using Bedarfsanalyse.Web.Security;

namespace Bedarfsanalyse.Web;

/// <summary>What the web app is made of: the table of contents of its services and endpoints.</summary>
internal static class AppComposition
{
    public static WebApplicationBuilder AddBedarfsanalyse(this WebApplicationBuilder builder)
    {
        builder.AddDatabase();
        builder.AddAccounts();
        builder.Services.AddGermanProblemDetails();
        // The pages live in this assembly whichever host composes the app (the executable, tests, commands).
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddApplicationPart(typeof(AppComposition).Assembly);
        builder.Services.AddGermanModelBinding();
        builder.Services.AddHealth();
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Bedarfsanalyse API";
            document.Info.Description = "Schnittstelle für Skripte und andere Programme. Anmeldung mit persönlichem API-Token: Authorization: Bearer ba_…";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiTokenAuthentication.SchemeName] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Persönliches API-Token (ba_…), erstellt unter /konto/tokens.",
            };
            document.Security ??= [];
            document.Security.Add(new Microsoft.OpenApi.OpenApiSecurityRequirement
            {
                [new Microsoft.OpenApi.OpenApiSecuritySchemeReference(ApiTokenAuthentication.SchemeName, document)] = [],
            });
            return Task.CompletedTask;
        }));
        builder.AddJobs();

        // Use cases, one per file, called by pages, API and commands alike.
        builder.Services.AddScoped<UserList>().AddScoped<UserFormOptions>().AddScoped<CreateUser>().AddScoped<UpdateUser>();
        builder.Services.AddScoped<ApiTokenService>();
        builder.Services.AddScoped<NetworkDirectory>().AddScoped<NetworkSettings>().AddScoped<FieldTargets>().AddScoped<PopulationMargins>();
        builder.Services.AddScoped<DistrictCatalog>();
        builder.Services.AddScoped<Commands.Demo.DemoSeeder>().AddScoped<Commands.Demo.DemoStart>();
        builder.Services.AddScoped<EstablishmentRegistry>().AddScoped<ContactRetention>();
        builder.Services.AddScoped<AuditQuery>();
        builder.Services.AddScoped<QuestionnaireCatalog>().AddScoped<QuestionnaireImport>().AddScoped<NetworkQuestionnaireSetup>();
        builder.Services.AddSingleton<CompiledQuestionnaires>();
        builder.Services.AddScoped<InterviewAccess>().AddSingleton<InterviewDocumentCache>().AddScoped<InterviewStore>().AddScoped<InterviewCapture>().AddScoped<InterviewList>().AddScoped<InterviewImport>();
        builder.Services.AddScoped<IArtifactStore, PostgresArtifactStore>().AddScoped<ArtifactArchive>();
        builder.Services.AddSingleton<ReportTemplates>().AddSingleton<ReportTheme>().AddHostedService<ReportTemplateCheck>();
        builder.Services.AddAnalysis(builder.Configuration);
        builder.Services.AddScoped<DistrictReportRenderer>().AddScoped<IDistrictReportSource, AnalysisDistrictReportSource>();
        builder.Services.AddScoped<IArtifactGenerator, DistrictReportGenerator>();
        builder.Services.AddScoped<Features.Exports.NetworkExport>().AddScoped<IArtifactGenerator, Features.Exports.WorkbookGenerator>();
        return builder;
    }

    public static WebApplication MapBedarfsanalyse(this WebApplication app)
    {
        // API clients get problem details; people get a German page. Neither ever sees a stack trace.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), ui => ui.UseExceptionHandler("/fehler").UseStatusCodePagesWithReExecute("/fehler/{0}"));
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();   // after authentication: the token limit counts per user, not per address
        app.UsePasswordChangeWhenDue();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapRazorPages();
        app.MapOpenApi("/api/v1/openapi.json").AllowAnonymous();
        app.MapJobsDashboard();

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api);
        api.MapAccountApi();
        api.MapUsersApi();
        api.MapNetworksApi();
        api.MapDistrictsApi();
        api.MapEstablishmentsApi();
        api.MapAuditApi();
        api.MapQuestionnairesApi();
        api.MapArchiveApi();
        api.MapInterviewsApi();
        api.MapReportRequestsApi();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
