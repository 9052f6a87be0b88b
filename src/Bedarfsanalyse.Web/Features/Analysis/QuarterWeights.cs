using Bedarfsanalyse.Core.Analysis;
using Bedarfsanalyse.Core.Periods;
using Bedarfsanalyse.Core.Weighting;
using Bedarfsanalyse.Data;
using Bedarfsanalyse.Data.Networks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bedarfsanalyse.Web.Features.Analysis;

/// <summary>
/// The engine's weights of each quarter of a network (<see cref="PeriodWeights"/> of <see cref="AnalysisPeriod.Of"/>)
/// for callers that need the weight of single interviews (the analyst workbook's weight column): the same margins,
/// settings and strata as the model, from the interviews alone (<see cref="AnswerCounter.CountInterviewsAsync"/>), so
/// no answer is counted. The model's weights of a quarter are the same numbers.
/// </summary>
public sealed class QuarterWeights(BedarfsanalyseDb db, AnswerCounter counter, IOptions<AnalysisOptions> options)
{
    /// <summary>The weights of every quarter; unweighted ones (weight 1) when the network has no margins or weighting is off.</summary>
    public async Task<IReadOnlyDictionary<Quarter, PeriodWeights>> ForQuartersAsync(int networkId, IReadOnlyList<Quarter> quarters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarters);
        var settings = options.Value.ToSettings();
        var margins = settings.WeightingMode == WeightingMode.Off || quarters.Count == 0
            ? []
            : await db.PopulationMargins.AsNoTracking().Where(m => m.NetworkId == networkId).ToListAsync(cancellationToken);
        if (margins.Count == 0)
        {
            // Nothing to weight by: no reason to count.
            return quarters.Distinct().ToDictionary(q => q, _ => PeriodWeights.Unweighted);
        }

        var interviews = await counter.CountInterviewsAsync(networkId, quarters, cancellationToken);
        var input = new AnalysisInput
        {
            NetworkKey = "",
            NetworkName = "",
            Districts = [],
            Quarter = quarters.Max(),
            AsOf = DateOnly.MinValue,
            Counts = [],
            Versions = [],
            EstablishmentMargins = EstablishmentMargins(margins),
            EmployeesByDistrict = EmployeesByDistrict(margins),
            Settings = settings,
        };
        return interviews.ToDictionary(e => e.Key, e => PeriodWeights.Compute(input, AnalysisPeriod.Of(e.Key), e.Value));
    }

    /// <summary>Establishments by district × size class × sector group of the uploaded margins; null without margins.</summary>
    public static PopulationMargins? EstablishmentMargins(IReadOnlyCollection<PopulationMargin> margins) =>
        margins.Count == 0
            ? null
            : PopulationMargins.FromStrata(margins.Select(m => new PopulationCell(new Stratum(m.DistrictKey, m.SizeClassCode, m.SectorGroupCode), m.Establishments)));

    /// <summary>Employees per district (sums of the margins), only when every margin gives them.</summary>
    public static IReadOnlyDictionary<string, double>? EmployeesByDistrict(IReadOnlyCollection<PopulationMargin> margins) =>
        margins.Count == 0 || margins.Any(m => m.Employees is null)
            ? null
            : margins.GroupBy(m => m.DistrictKey).ToDictionary(g => g.Key, g => (double)g.Sum(m => m.Employees!.Value));
}
