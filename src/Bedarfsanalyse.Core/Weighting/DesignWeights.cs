namespace Bedarfsanalyse.Core.Weighting;

/// <summary>
/// Design weights w = N_h / n_h of stratified sampling (Cochran 1977, Sampling Techniques, ch. 5): every respondent of
/// stratum h stands for N_h / n_h establishments, so the weights of a stratum add up to its population.
/// </summary>
public static class DesignWeights
{
    public static double[] Compute(IReadOnlyList<Stratum> sample, PopulationMargins population)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(population);
        if (!population.HasStrata)
        {
            throw new WeightingException("Designgewichte brauchen die Grundgesamtheit nach Kreis × Größenklasse × Wirtschaftsgruppe; es liegen nur Randverteilungen vor.");
        }

        if (sample.Count == 0)
        {
            return [];
        }

        var populationByStratum = population.Strata.ToDictionary(c => c.Stratum, c => c.Count);
        var sampleByStratum = sample.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        var unknown = sampleByStratum.Keys.Where(s => !populationByStratum.TryGetValue(s, out var n) || n <= 0).ToArray();
        if (unknown.Length > 0)
        {
            throw new WeightingException(
                $"Befragte in Schichten ohne Grundgesamtheit: {List(unknown)}. Bitte die Eckwerte ergänzen oder die Zuordnung der Interviews prüfen.");
        }

        var empty = populationByStratum.Where(p => p.Value > 0 && !sampleByStratum.ContainsKey(p.Key)).Select(p => p.Key).ToArray();
        if (empty.Length > 0)
        {
            throw new WeightingException(
                $"Schichten mit Grundgesamtheit, aber ohne Befragte: {List(empty)}. Designgewichte sind so nicht möglich; Raking verwenden oder Schichten zusammenfassen.");
        }

        return sample.Select(s => populationByStratum[s] / sampleByStratum[s]).ToArray();
    }

    internal static string List(IReadOnlyCollection<Stratum> strata) =>
        string.Join("; ", strata.OrderBy(s => s.District, StringComparer.Ordinal).ThenBy(s => s.SizeClass, StringComparer.Ordinal)
            .ThenBy(s => s.SectorGroup, StringComparer.Ordinal).Take(5).Select(s => s.ToString()))
        + (strata.Count > 5 ? $" und {strata.Count - 5} weitere" : "");
}
