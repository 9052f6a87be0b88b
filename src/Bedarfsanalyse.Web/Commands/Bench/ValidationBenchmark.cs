using System.Runtime.CompilerServices;
using Bedarfsanalyse.Core.Questionnaires.Evaluation;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>Validating one complete 80-question interview against a published, compiled version (target under 1 ms).</summary>
internal sealed class ValidationBenchmark : IBenchmark
{
    private const string Target = "< 1 ms";

    public string Name => "validation";

    public async IAsyncEnumerable<BenchmarkRow> RunAsync(BenchmarkContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var definition = BenchmarkInterview.Definition();
        var answers = BenchmarkInterview.Answers();
        var compiled = CompiledQuestionnaire.Compile(definition);
        var questionCount = definition.Questions().Count();

        // A benchmark of a validation that fails measures the wrong thing: the interview must be complete and valid.
        var check = compiled.Validate(answers, ValidationMode.Complete, BenchmarkInterview.Today);
        if (!check.IsValid || check.Answers.Count < answers.Count)
        {
            throw new CommandFailedException("Das Benchmark-Interview ist nicht gültig: "
                + string.Join("; ", check.Errors.Select(e => $"{e.Question}: {e.Message}")));
        }

        context.Progress.WriteLine($"validation: {questionCount} Fragen, {answers.Count} Antworten, {context.Iterations} Durchläufe …");
        var validation = LatencySample.Measure(
            () => compiled.Validate(answers, ValidationMode.Complete, BenchmarkInterview.Today),
            warmup: Math.Max(100, context.Iterations / 10), context.Iterations, cancellationToken);

        // Baseline: the same validation without a compiled version kept per published version, i.e. parsing,
        // checking and compiling every expression for each request before validating. It shows what "parse once per
        // version" buys and what a cache miss costs; it runs fewer times because it is much slower.
        var baselineIterations = Math.Max(50, context.Iterations / 20);
        var uncached = LatencySample.Measure(
            () => CompiledQuestionnaire.Compile(definition).Validate(answers, ValidationMode.Complete, BenchmarkInterview.Today),
            warmup: Math.Max(10, baselineIterations / 10), baselineIterations, cancellationToken);

        var what = $"Validierung eines vollständigen Interviews ({questionCount} Fragen) gegen eine vorübersetzte Version";
        var baseline = "ohne vorübersetzte Version (Ausdrücke je Aufruf übersetzen)";
        yield return new BenchmarkRow($"{what}, Median", LatencySample.Format(validation.Median), Target,
            $"{LatencySample.Format(uncached.Median)} {baseline}");
        yield return new BenchmarkRow($"{what}, 95. Perzentil", LatencySample.Format(validation.P95), Target,
            $"{LatencySample.Format(uncached.P95)} {baseline}");
    }
}
