namespace Bedarfsanalyse.Core.Weighting;

/// <summary>A weighting stratum (Schicht) of the establishment survey: district × size class × sector group.</summary>
public readonly record struct Stratum(string District, string SizeClass, string SectorGroup)
{
    public override string ToString() => $"Kreis {District}, Größenklasse {SizeClass}, Wirtschaftsgruppe {SectorGroup}";
}
