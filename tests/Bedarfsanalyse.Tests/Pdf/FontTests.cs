using Bedarfsanalyse.Reports.Pdf;

namespace Bedarfsanalyse.Tests.Pdf;

public sealed class FontTests
{
    [Fact]
    public void Missing_font_files_are_reported_in_German_with_the_Debian_package_to_install()
    {
        var nowhere = new FontFamilyFiles("fonts-dejavu-core", "/nicht/vorhanden/DejaVuSans.ttf", "/nicht/vorhanden/DejaVuSans-Bold.ttf");

        var error = Should.Throw<FileNotFoundException>(() => ReportFonts.FindInstalled([nowhere]));

        error.Message.ShouldContain("Für PDF-Berichte fehlen die Schriftdateien");
        error.Message.ShouldContain("/nicht/vorhanden/DejaVuSans-Bold.ttf");
        error.Message.ShouldContain("sudo apt-get install -y fonts-dejavu-core");
    }

    [Fact]
    public void DejaVu_Sans_from_fonts_dejavu_core_is_found_with_its_bold_face()
    {
        var fonts = ReportFonts.FindInstalled();

        fonts.RegularPath.ShouldBe("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        fonts.Regular.FamilyName.ShouldBe("DejaVu Sans");
        fonts.Bold.FamilyName.ShouldBe("DejaVu Sans");
        fonts.Bold.FontWeight.ShouldBe(700);
        ScottPlot.Fonts.GetTypeface(fonts.ChartFontName, bold: true, italic: false).ShouldBeSameAs(fonts.Bold);
    }
}
