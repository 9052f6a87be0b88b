using Bedarfsanalyse.Core.Questionnaires;
using Bedarfsanalyse.Core.Weighting;

namespace Bedarfsanalyse.Core.Analysis;

/// <summary>
/// The weights of one period. Establishments: design weights N_h / n_h over district × size class × sector group, or
/// raking to the district × size class and district × sector group margins where strata are sparse, capped
/// (<see cref="SampleWeighting"/>). Employees: N_d / n_d per district from the employees of the uploaded margins, so
/// that network figures give each district its share of the employees. Every respondent of a stratum has the same
/// weight, so counts per stratum carry the weighted sums. Unweighted (weight 1) when the network has no margins.
/// </summary>
public sealed class PeriodWeights
{
    private readonly Dictionary<Stratum, double> _establishments = [];
    private readonly Dictionary<string, double> _employees = [];

    private PeriodWeights()
    {
    }

    public bool EstablishmentsWeighted { get; private init; }

    public bool EmployeesWeighted { get; private init; }

    public WeightingMethod Method { get; private init; } = WeightingMethod.None;

    /// <summary>Kish's effective n of the establishment sample of the period, beside its unweighted n.</summary>
    public double EffectiveN { get; private init; }

    public int UnweightedN { get; private init; }

    public int CappedWeights { get; private init; }

    /// <summary>Why weighting was not applied although margins exist (German), or null.</summary>
    public string? Problem { get; private init; }

    public static PeriodWeights Unweighted { get; } = new();

    public double Weight(string group, string district, string sizeClass, string sectorGroup)
    {
        if (group == RespondentGroups.Establishment)
        {
            return EstablishmentsWeighted ? _establishments.GetValueOrDefault(new Stratum(district, sizeClass, sectorGroup), 1.0) : 1.0;
        }

        return EmployeesWeighted ? _employees.GetValueOrDefault(district, 1.0) : 1.0;
    }

    public static PeriodWeights Compute(AnalysisInput input, AnalysisPeriod period, IEnumerable<InterviewCount> interviews)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Settings.WeightingMode == WeightingMode.Off || (input.EstablishmentMargins is null && input.EmployeesByDistrict is null))
        {
            return Unweighted;
        }

        var rows = interviews.ToList();
        var sample = rows.Where(r => r.Group == RespondentGroups.Establishment)
            .SelectMany(r => Enumerable.Repeat(new Stratum(r.District, r.SizeClass, r.SectorGroup), r.Interviews))
            .ToList();

        Dictionary<Stratum, double> establishments = [];
        WeightingResult? result = null;
        string? problem = null;
        if (input.EstablishmentMargins is { } margins && sample.Count > 0)
        {
            try
            {
                if (sample.Any(s => s.SizeClass.Length == 0 || s.SectorGroup.Length == 0))
                {
                    throw new WeightingException("Einige Betriebsinterviews haben keine Größenklasse oder Wirtschaftsgruppe.");
                }

                result = SampleWeighting.Compute(sample, margins, input.Settings.Weighting);
                for (var i = 0; i < sample.Count; i++)
                {
                    establishments.TryAdd(sample[i], result.Weights[i]);
                }
            }
            catch (WeightingException e)
            {
                problem = $"Gewichtung der Betriebe für {period.Label} nicht möglich: {e.Message}";
                result = null;
            }
        }

        var employees = new Dictionary<string, double>();
        if (input.EmployeesByDistrict is { } totals)
        {
            foreach (var district in rows.Where(r => r.Group != RespondentGroups.Establishment).GroupBy(r => r.District))
            {
                var n = district.Sum(r => r.Interviews);
                if (n > 0 && totals.TryGetValue(district.Key, out var population) && population > 0)
                {
                    employees[district.Key] = population / n;
                }
            }
        }

        var weights = new PeriodWeights
        {
            EstablishmentsWeighted = result is not null,
            EmployeesWeighted = employees.Count > 0,
            Method = result?.Method ?? WeightingMethod.None,
            EffectiveN = result?.EffectiveN ?? sample.Count,
            UnweightedN = sample.Count,
            CappedWeights = result?.CappedWeights ?? 0,
            Problem = problem,
        };
        foreach (var (stratum, weight) in establishments)
        {
            weights._establishments[stratum] = weight;
        }

        foreach (var (district, weight) in employees)
        {
            weights._employees[district] = weight;
        }

        return weights;
    }
}
