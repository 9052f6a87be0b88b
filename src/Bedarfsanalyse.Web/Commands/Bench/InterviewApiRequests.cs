using System.Text;
using System.Text.Json;

namespace Bedarfsanalyse.Web.Commands.Bench;

/// <summary>
/// The request bodies of the interview-API benchmark's clients: an employer interview of about 60 answers, in the
/// pieces an interviewer saves them. The answers are serialized once; per request only the id or version is written
/// in, so the load generator spends its share of the two cores on sending, not on reflection over the same objects.
/// </summary>
internal static class InterviewApiRequests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] Create(Guid id) => Encoding.UTF8.GetBytes(
        $$"""{"id":"{{id}}","questionnaire":"arbeitgeber","respondentGroup":"establishment","district":"03255","answers":{{First}}}""");

    public static byte[] SaveSecondPage(uint version) => Save(version, Second);

    public static byte[] SaveThirdPage(uint version) => Save(version, Third);

    public static byte[] Complete(uint version) =>
        Encoding.UTF8.GetBytes($$"""{"version":{{version}},"consent":{"given":true},"answers":{{Last}}}""");

    /// <summary>The "version" of an answered interview, read without building a document of the whole answer.</summary>
    public static uint Version(byte[] response)
    {
        var reader = new Utf8JsonReader(response);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                return reader.GetUInt32();
            }
        }

        throw new CommandFailedException("Die Antwort der Interview-API enthält keine Version.");
    }

    private static byte[] Save(uint version, string answers) => Encoding.UTF8.GetBytes($$"""{"version":{{version}},"answers":{{answers}}}""");

    private static string Serialize(Dictionary<string, object> answers) => JsonSerializer.Serialize(answers, Json);

    // About 60 answers of the employer questionnaire, in the pieces an interviewer saves them.
    private static readonly Dictionary<string, object> FirstPage = new()
    {
        ["a_kreis"] = "03255", ["a_wz"] = "C", ["a_kammer"] = "hwk", ["a_rolle"] = "inhaber", ["a_betriebsform"] = "eigenstaendig",
        ["a_beschaeftigte"] = 42, ["a_teilzeit"] = 8, ["a_frauen"] = 15, ["a_azubis"] = 3, ["a_unter25"] = 5, ["a_ab55"] = 10,
        ["a_tarif"] = "ja", ["a_betriebsrat"] = "nein",
    };

    private static readonly Dictionary<string, object> SecondPage = new()
    {
        ["b_gefoerdert"] = "ja", ["b_art"] = new[] { "freistellung", "kosten" }, ["b_freistellung_tage"] = 12.5m, ["b_teilnehmende"] = 20,
        ["b_formate"] = new[] { "extern", "intern", "elearning" }, ["b_anbieter"] = new[] { "kammer", "bildungstraeger" }, ["b_ausgaben"] = 15000,
        ["b_zufriedenheit"] = "4", ["b_foerderung"] = "nein", ["b_plan"] = "ja", ["b_bildet_aus"] = "ja", ["b_vertraege_neu"] = 2,
        ["b_plaetze_unbesetzt"] = 1, ["b_vertraege_geloest"] = 0,
    };

    private static readonly Dictionary<string, object> ThirdPage = new()
    {
        ["c_bedarf"] = "ja", ["c_themen"] = new[] { "digital_grundlagen", "ki", "fuehrung" },
        ["c_dringlichkeit"] = new Dictionary<string, string> { ["digital_grundlagen"] = "jetzt", ["ki"] = "j1_2", ["fuehrung"] = "j3_5" },
        ["c_zielgruppen"] = new Dictionary<string, string[]> { ["digital_grundlagen"] = ["aeltere"], ["ki"] = ["alle"], ["fuehrung"] = ["fuehrung"] },
        ["c_wichtigstes"] = "ki", ["c_personen"] = 12, ["c_digitalisierung"] = "3", ["c_ki_einsatz"] = "geplant",
        ["c_weitere_bedarfe"] = "Schulungen zur neuen Warenwirtschaft",
    };

    private static readonly Dictionary<string, object> LastPages = new()
    {
        ["d_hemmnisse"] = new[] { "zeit", "kosten", "entfernung" }, ["d_haupthemmnis"] = "zeit", ["d_it_ausstattung"] = "3",
        ["e_formate"] = new[] { "inhouse", "live_online", "verbund" }, ["e_rangfolge"] = new[] { "inhouse", "verbund", "live_online" },
        ["e_zeitlage"] = new[] { "vormittags" }, ["e_dauer"] = "tag", ["e_fahrzeit"] = 45, ["e_zahlungsbereitschaft"] = 150,
        ["e_zertifikat"] = "3", ["e_verbund"] = "sehr",
        ["f_offene_stellen"] = "ja", ["f_anzahl_stellen"] = 3, ["f_berufe"] = "Tischler/in, Elektroniker/in", ["f_fachkraeftebedarf"] = "steigt",
        ["f_ruhestand"] = 4, ["f_nachfolge"] = "nein", ["f_interesse"] = "sehr", ["f_angebote"] = new[] { "kurse" }, ["f_kontakt"] = "nein",
        ["f_anmerkungen"] = "Keine",
    };

    // After the pages: static fields are initialized in the order they are written.
    private static readonly string First = Serialize(FirstPage);
    private static readonly string Second = Serialize(SecondPage);
    private static readonly string Third = Serialize(ThirdPage);
    private static readonly string Last = Serialize(LastPages);
}
