namespace Bedarfsanalyse.Core.Weighting;

/// <summary>How the weights were computed (named in the report's method notes).</summary>
public enum WeightingMethod
{
    /// <summary>No respondents, no weights.</summary>
    None,

    /// <summary>Design weights N_h / n_h (Designgewichte).</summary>
    DesignWeights,

    /// <summary>Raking to the margins district × size class and district × sector group (Randanpassung).</summary>
    Raking,
}
