namespace Bedarfsanalyse.Web.Features.Analysis;

/// <summary>The analysis engine's services: counting in PostgreSQL, the caches, the model builder.</summary>
public static class AnalysisServices
{
    public static IServiceCollection AddAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection("Analysis"));
        services.AddScoped<AnswerCounter>().AddSingleton<AnswerCountCache>().AddSingleton<AnalysisModelCache>().AddScoped<AnalysisModels>().AddScoped<QuarterWeights>();
        return services;
    }
}
