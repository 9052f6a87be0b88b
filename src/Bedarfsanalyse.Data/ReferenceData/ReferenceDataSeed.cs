using Bedarfsanalyse.Core.Establishments;
using Bedarfsanalyse.Data.Networks;

namespace Bedarfsanalyse.Data.ReferenceData;

/// <summary>
/// Reference data loaded by migration: states, the districts of Lower Saxony, WZ 2008 sections with the five-group
/// roll-up, size classes, respondent groups and the network presets. Districts of other states are added as data.
/// </summary>
internal static class ReferenceDataSeed
{
    /// <summary>Territorial status of the Lower Saxony list: the last change was the Göttingen merger of 1 Nov 2016 (check).</summary>
    private static readonly DateOnly LowerSaxonyStatus = new(2016, 11, 1);

    /// <summary>
    /// Lower Saxony's district reform took effect on 1 Aug 1977 (check); the territories of the keys not changed
    /// since date from it. Data, not code: a migration corrects it where an official source says otherwise.
    /// </summary>
    private static readonly DateOnly DistrictReform = new(1977, 8, 1);

    public static State[] States { get; } =
    [
        new() { Code = "01", Name = "Schleswig-Holstein" },
        new() { Code = "02", Name = "Hamburg" },
        new() { Code = "03", Name = "Niedersachsen" },
        new() { Code = "04", Name = "Bremen" },
        new() { Code = "05", Name = "Nordrhein-Westfalen" },
        new() { Code = "06", Name = "Hessen" },
        new() { Code = "07", Name = "Rheinland-Pfalz" },
        new() { Code = "08", Name = "Baden-Württemberg" },
        new() { Code = "09", Name = "Bayern" },
        new() { Code = "10", Name = "Saarland" },
        new() { Code = "11", Name = "Berlin" },
        new() { Code = "12", Name = "Brandenburg" },
        new() { Code = "13", Name = "Mecklenburg-Vorpommern" },
        new() { Code = "14", Name = "Sachsen" },
        new() { Code = "15", Name = "Sachsen-Anhalt" },
        new() { Code = "16", Name = "Thüringen" },
    ];

    public static District[] Districts { get; } =
    [
        City("03101", "Braunschweig"),
        City("03102", "Salzgitter"),
        City("03103", "Wolfsburg"),
        County("03151", "Gifhorn"),
        County("03153", "Goslar"),
        County("03154", "Helmstedt"),
        County("03155", "Northeim"),
        County("03157", "Peine"),
        County("03158", "Wolfenbüttel"),
        County("03159", "Göttingen", validFrom: new DateOnly(2016, 11, 1)),
        new() { Key = "03241", Name = "Region Hannover", Kind = "Region", StateCode = "03", ValidFrom = new DateOnly(2001, 11, 1), TerritorialStatus = LowerSaxonyStatus },
        County("03251", "Diepholz"),
        County("03252", "Hameln-Pyrmont"),
        County("03254", "Hildesheim"),
        County("03255", "Holzminden"),
        County("03256", "Nienburg (Weser)"),
        County("03257", "Schaumburg"),
        County("03351", "Celle"),
        County("03352", "Cuxhaven"),
        County("03353", "Harburg"),
        County("03354", "Lüchow-Dannenberg"),
        County("03355", "Lüneburg"),
        County("03356", "Osterholz"),
        County("03357", "Rotenburg (Wümme)"),
        County("03358", "Heidekreis"),
        County("03359", "Stade"),
        County("03360", "Uelzen"),
        County("03361", "Verden"),
        City("03401", "Delmenhorst"),
        City("03402", "Emden"),
        City("03403", "Oldenburg (Oldb)"),
        City("03404", "Osnabrück"),
        City("03405", "Wilhelmshaven"),
        County("03451", "Ammerland"),
        County("03452", "Aurich"),
        County("03453", "Cloppenburg"),
        County("03454", "Emsland"),
        County("03455", "Friesland"),
        County("03456", "Grafschaft Bentheim"),
        County("03457", "Leer"),
        County("03458", "Oldenburg"),
        County("03459", "Osnabrück"),
        County("03460", "Vechta"),
        County("03461", "Wesermarsch"),
        County("03462", "Wittmund"),
        // Merged into 03159 Göttingen; kept so that older data keeps its district.
        County("03152", "Göttingen (bis 2016)", validUntil: new DateOnly(2016, 10, 31)),
        County("03156", "Osterode am Harz", validUntil: new DateOnly(2016, 10, 31)),
    ];

    public static SectorGroup[] SectorGroups { get; } =
    [
        new() { Code = "A", Name = "Land- und Forstwirtschaft, Fischerei", SortOrder = 1 },
        new() { Code = "B-F", Name = "Produzierendes Gewerbe", SortOrder = 2 },
        new() { Code = "G-I", Name = "Handel, Verkehr, Gastgewerbe", SortOrder = 3 },
        new() { Code = "J-N", Name = "Information, Finanzen, Immobilien, Unternehmensdienstleistungen", SortOrder = 4 },
        new() { Code = "O-U", Name = "Öffentliche und sonstige Dienstleistungen, Erziehung, Gesundheit", SortOrder = 5 },
    ];

    public static Sector[] Sectors { get; } =
    [
        Wz("A", "Land- und Forstwirtschaft, Fischerei", "A"),
        Wz("B", "Bergbau und Gewinnung von Steinen und Erden", "B-F"),
        Wz("C", "Verarbeitendes Gewerbe", "B-F"),
        Wz("D", "Energieversorgung", "B-F"),
        Wz("E", "Wasserversorgung; Abwasser- und Abfallentsorgung, Beseitigung von Umweltverschmutzungen", "B-F"),
        Wz("F", "Baugewerbe", "B-F"),
        Wz("G", "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen", "G-I"),
        Wz("H", "Verkehr und Lagerei", "G-I"),
        Wz("I", "Gastgewerbe", "G-I"),
        Wz("J", "Information und Kommunikation", "J-N"),
        Wz("K", "Erbringung von Finanz- und Versicherungsdienstleistungen", "J-N"),
        Wz("L", "Grundstücks- und Wohnungswesen", "J-N"),
        Wz("M", "Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen", "J-N"),
        Wz("N", "Erbringung von sonstigen wirtschaftlichen Dienstleistungen", "J-N"),
        Wz("O", "Öffentliche Verwaltung, Verteidigung; Sozialversicherung", "O-U"),
        Wz("P", "Erziehung und Unterricht", "O-U"),
        Wz("Q", "Gesundheits- und Sozialwesen", "O-U"),
        Wz("R", "Kunst, Unterhaltung und Erholung", "O-U"),
        Wz("S", "Erbringung von sonstigen Dienstleistungen", "O-U"),
        Wz("T", "Private Haushalte mit Hauspersonal; Herstellung von Waren und Erbringung von Dienstleistungen durch private Haushalte für den Eigenbedarf", "O-U"),
        Wz("U", "Exterritoriale Organisationen und Körperschaften", "O-U"),
    ];

    public static SizeClassRow[] SizeClasses { get; } = SizeClass.All
        .Select((c, i) => new SizeClassRow
        {
            Code = c.Code, Label = c.Label, MinHeadcount = c.MinHeadcount, MaxHeadcount = c.MaxHeadcount, SortOrder = i + 1,
        })
        .ToArray();

    public static RespondentGroup[] RespondentGroups { get; } =
    [
        new() { Code = RespondentGroup.Establishment, Name = "Betriebe", IsEstablishment = true, SortOrder = 1 },
        new() { Code = RespondentGroup.OlderEmployees, Name = "Ältere Beschäftigte (55 und älter)", SortOrder = 2 },
        new() { Code = RespondentGroup.YoungerEmployees, Name = "Jüngere Beschäftigte (unter 25)", SortOrder = 3 },
        new() { Code = RespondentGroup.Apprentices, Name = "Auszubildende", SortOrder = 4 },
        new() { Code = RespondentGroup.ImmigrationHistory, Name = "Beschäftigte mit Einwanderungsgeschichte", SortOrder = 5 },
    ];

    public static Network[] Networks { get; } =
    [
        new() { Id = 1, Key = "mehrwert", Name = "Weiterbildungsverbund MehrWert", SteeringCommitteeName = "Steuerkreis",
            Topics = "Digitalisierung, neue Arbeitsformen, generationenübergreifendes Arbeiten" },
        new() { Id = 2, Key = "leine-weser", Name = "Fachkräftebündnis Leine-Weser", SteeringCommitteeName = "Steuerkreis",
            Topics = "Stille Reserven aktivieren, Beschäftigungsfähigkeit im digitalen Wandel, Zugang für Geflüchtete" },
        new() { Id = 3, Key = "suedostniedersachsen", Name = "Kooperative Weiterbildung Südostniedersachsen", SteeringCommitteeName = "Steuerkreis",
            Topics = "Weiterbildung in kleinen und mittleren Unternehmen; Arbeitsgruppen tagen quartalsweise" },
    ];

    public static object[] NetworkDistricts { get; } =
    [
        .. Members(1, "03255", "03252", "03257", "03256", "03251", "03453", "03460"),
        .. Members(2, "03241", "03254", "03252", "03255", "03256", "03257"),
        .. Members(3, "03101", "03102", "03103", "03151", "03153", "03154", "03157", "03158"),
    ];

    private static District City(string key, string name) =>
        new() { Key = key, Name = name, Kind = "Kreisfreie Stadt", StateCode = "03", ValidFrom = DistrictReform, TerritorialStatus = LowerSaxonyStatus };

    private static District County(string key, string name, DateOnly? validFrom = null, DateOnly? validUntil = null) =>
        new()
        {
            Key = key, Name = name, Kind = "Landkreis", StateCode = "03", ValidFrom = validFrom ?? DistrictReform, ValidUntil = validUntil,
            TerritorialStatus = LowerSaxonyStatus,
        };

    private static Sector Wz(string code, string name, string group) =>
        new() { Classification = Sector.Wz2008, Code = code, Name = name, SectorGroupCode = group };

    private static IEnumerable<object> Members(int networkId, params string[] districtKeys) =>
        districtKeys.Select(key => new { NetworkId = networkId, DistrictKey = key });
}
