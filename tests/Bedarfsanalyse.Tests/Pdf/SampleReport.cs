using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Pdf.Charts;

namespace Bedarfsanalyse.Tests.Pdf;

/// <summary>A steering-committee report in miniature, built only from plain values, with every kind of block.</summary>
internal static class SampleReport
{
    public static readonly PdfMetadata Metadata = new(
        "Weiterbildungsbedarf im Landkreis Holzminden – 3. Quartal 2026",
        "Weiterbildungsverbund MehrWert",
        "Quartalsbericht für den Steuerkreis")
    {
        Keywords = ["Weiterbildung", "Bedarfsanalyse", "Holzminden", "Q3/2026"],
    };

    public static ReportDocument Create()
    {
        var document = new ReportDocument(Metadata)
        {
            Header = page => new PageBand(Left: "Weiterbildungsbedarf Landkreis Holzminden", Right: "3. Quartal 2026"),
            Footer = page => new PageBand(Left: "Steuerkreis MehrWert · vertraulich", Right: page.ToString()),
        };

        document.Add(new HeadingBlock("1 Das Wichtigste in Kürze"));
        document.Add(new ParagraphBlock(
            "Im 3. Quartal 2026 wurden im Landkreis Holzminden 134 Betriebe und 212 Beschäftigte befragt. ",
            "42,5 % der Betriebe haben in den letzten zwölf Monaten Weiterbildung gefördert",
            new Footnote("Anteil der Betriebe, die Beschäftigte für Weiterbildung freigestellt oder Kosten übernommen haben; gewichtet nach Landkreis, Größenklasse und Wirtschaftszweig."),
            " – das sind 3,1 Prozentpunkte mehr als im Vorjahresquartal (statistisch nicht gesichert)."));
        document.Add(new KeyFigureBlock(
        [
            new KeyFigure("42,5 %", "Betriebe mit geförderter Weiterbildung", "n = 134; 95-%-KI 34,4–50,9 %"),
            new KeyFigure("134", "befragte Betriebe", "Soll: 150 (89 %)"),
            new KeyFigure("212", "befragte Beschäftigte", "Soll: 200 (106 %)"),
            new KeyFigure("61,2 %", "sehen Bedarf bei digitalen Grundlagen", "n = 134", new Footnote("Mehrfachnennungen möglich.")),
        ]));
        document.Add(new ParagraphBlock(
            "Der größte Bedarf besteht bei digitalen Grundlagen, IT-Sicherheit und Führung auf Distanz. Größter Hemmschuh bleibt, " +
            "dass Beschäftigte nicht freigestellt werden können; Kosten folgen mit deutlichem Abstand. Für Fragen wenden Sie sich an das Beratungsbüro „MehrWert“ – Beratung kostet 0,00 €."));

        document.Add(new HeadingBlock("3 Ergebnisse Betriebe"));
        document.Add(new HeadingBlock("3.1 Die zehn häufigsten Weiterbildungsbedarfe", 2));
        document.Add(new BarChartBlock("Abbildung 1: Weiterbildungsbedarf nach Thema (Top 10)", TopTenNeeds())
        {
            Note = "Anteil der Betriebe mit Bedarf in %; Linien: 95-%-Konfidenzintervall (Wilson). Werte in Klammern: eingeschränkte Aussagekraft (n 10–29). „.“ geheim.",
            Footnotes = [new Footnote("Frage C1: „Bei welchen Themen sehen Sie in Ihrem Betrieb Weiterbildungsbedarf?“")],
        });

        document.Add(new TableBlock(
            [new TableColumn("Thema", Weight: 3), TableColumn.Numeric("Betriebe"), TableColumn.Numeric("Anteil in %"), TableColumn.Numeric("95-%-KI")],
            TopTenNeeds().Select(i => new TableRow([i.Label, i.N.ToString("N0", German), i.Value is { } v ? (i.Symbol == "( )" ? $"({v.ToString("N1", German)})" : v.ToString("N1", German)) : i.Symbol ?? "–", i.Lower is { } l ? $"{l.ToString("N1", German)}–{i.Upper!.Value.ToString("N1", German)}" : ""])).Append(new TableRow(["Insgesamt", "134", "100,0", ""], IsTotal: true)).ToList())
        {
            Caption = "Tabelle 1: Weiterbildungsbedarf nach Thema",
            Note = "Mehrfachnennungen möglich. „.“ geheim (weniger als 3 Fälle); „/“ nicht sicher genug; „( )“ eingeschränkte Aussagekraft.",
        });

        document.Add(new HeadingBlock("3.2 Dringlichkeit", 2));
        document.Add(new StackedBarChartBlock("Abbildung 2: Wann der Bedarf besteht", ["jetzt", "in 1–2 Jahren", "in 3–5 Jahren"], Urgency())
        {
            Note = "Anteil der Betriebe mit Bedarf am jeweiligen Thema in %.",
        });

        document.Add(new PageBreakBlock());
        document.Add(new HeadingBlock("4 Ergebnisse Beschäftigtengruppen"));
        document.Add(new HeatMapBlock("Abbildung 3: Weiterbildungsbedarf nach Thema und Beschäftigtengruppe", Groups, HeatMap())
        {
            Note = "Anteil der Befragten der Gruppe mit Bedarf in %. „.“ geheim (weniger als 3 Fälle); „/“ nicht sicher genug; Werte in Klammern: eingeschränkte Aussagekraft.",
        });

        document.Add(new HeadingBlock("6 Entwicklung im Zeitverlauf"));
        document.Add(new ParagraphBlock("Die Beteiligung an Weiterbildung schwankt von Quartal zu Quartal; für das 2. Quartal 2026 liegen für den Landkreis keine Befragungen vor."));
        document.Add(new LineChartBlock("Abbildung 4: Betriebe mit geförderter Weiterbildung", Quarters, Trend())
        {
            Note = "Anteil der Betriebe in %; Lücke: keine Befragungen in diesem Quartal.",
        });

        return document;
    }

    public static readonly IReadOnlyList<string> Groups = ["Inhaber*innen, Geschäftsführung", "Beschäftigte 55+", "Beschäftigte unter 25", "Auszubildende", "Beschäftigte mit Einwanderungsgeschichte"];

    public static readonly IReadOnlyList<string> Quarters = ["Q4/2024", "Q1/2025", "Q2/2025", "Q3/2025", "Q4/2025", "Q1/2026", "Q2/2026", "Q3/2026"];

    public static IReadOnlyList<StackedBarItem> Urgency() =>
    [
        new("Digitale Grundlagen", 82, [54.9, 30.5, 14.6]),
        new("IT-Sicherheit", 65, [46.2, 38.5, 15.3]),
        new("Führung auf Distanz", 55, [25.5, 41.8, 32.7]),
        new("Künstliche Intelligenz", 47, [12.8, 40.4, 46.8]),
        new("Grundbildung", 2, [], "."),
    ];

    public static IReadOnlyList<HeatMapRow> HeatMap() =>
    [
        new("Digitale Grundlagen", [new(61.2), new(48.0), new(22.4), new(35.0, "( )"), new(40.1)]),
        new("IT-Sicherheit", [new(48.5), new(30.2), new(18.9), new(12.0, "( )"), new(21.7)]),
        new("Künstliche Intelligenz", [new(35.1), new(12.4), new(44.8), new(51.0, "( )"), new(19.5)]),
        new("Deutsch für den Beruf", [new(8.2), new(null, "."), new(9.1), new(null, "/"), new(72.3)]),
        new("Wissenstransfer zwischen den Generationen", [new(27.6), new(58.3), new(31.0), new(24.0, "( )"), new(14.2)]),
    ];

    public static IReadOnlyList<LineSeries> Trend() =>
    [
        new("Holzminden", [38.2, 40.1, 36.5, 39.4, 41.0, 43.3, null, 42.5]),
        new("Verbund MehrWert", [44.0, 45.2, 43.9, 44.8, 46.1, 45.7, 46.4, 47.0]),
        new("IAB-Betriebspanel Niedersachsen", [null, 42.0, null, null, null, 42.0, null, null]),
    ];

    public static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    public static IReadOnlyList<BarChartItem> TopTenNeeds() =>
    [
        new("Digitale Grundlagen", 61.2, 134, 52.7, 69.0),
        new("IT-Sicherheit", 48.5, 134, 40.2, 56.9),
        new("Führung auf Distanz", 41.0, 134, 33.0, 49.4),
        new("Fachspezifische technische Kompetenzen", 38.8, 134, 31.0, 47.3),
        new("Künstliche Intelligenz", 35.1, 134, 27.5, 43.5),
        new("Kommunikation", 29.9, 134, 22.8, 38.1),
        new("Energie und Nachhaltigkeit", 26.1, 134, 19.4, 34.2),
        new("Deutsch für den Beruf", 24.0, 25, 11.5, 43.4, "( )"),
        new("Arbeits- und Gesundheitsschutz", 18.7, 134, 12.9, 26.2),
        new("Grundbildung", null, 2, Symbol: "."),
    ];
}
