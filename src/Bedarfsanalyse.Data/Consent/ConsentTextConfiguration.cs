using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bedarfsanalyse.Data.Consent;

internal sealed class ConsentTextConfiguration : IEntityTypeConfiguration<ConsentText>
{
    public const string FirstVersion = "2026-1";

    public void Configure(EntityTypeBuilder<ConsentText> builder)
    {
        builder.HasKey(c => c.Version);
        builder.Property(c => c.Version).HasMaxLength(40);
        builder.HasData(new ConsentText
        {
            Version = FirstVersion,
            ValidFrom = new DateOnly(2026, 1, 1),
            Text = "Ich bin damit einverstanden, dass meine Angaben in diesem Interview für die Analyse des "
                + "Weiterbildungsbedarfs im Verbund gespeichert und ausgewertet werden (Art. 6 Abs. 1 lit. a DSGVO). "
                + "Die Teilnahme ist freiwillig. Ich kann meine Einwilligung jederzeit mit Wirkung für die Zukunft "
                + "widerrufen (Art. 7 Abs. 3 DSGVO). Name, Anschrift und Ansprechperson des Betriebs werden getrennt "
                + "von den Antworten gespeichert und nach Abschluss der Feldphase gelöscht; Auswertungen und Berichte "
                + "enthalten nur pseudonymisierte und zusammengefasste Angaben. Verantwortlich ist der Verbund; "
                + "Auskunft, Berichtigung und Löschung können Sie jederzeit verlangen (Art. 13, 15–17 DSGVO).",
        });
    }
}
