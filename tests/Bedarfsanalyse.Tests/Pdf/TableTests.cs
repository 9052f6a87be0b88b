using Bedarfsanalyse.Reports.Pdf;
using Bedarfsanalyse.Reports.Pdf.Layout;

namespace Bedarfsanalyse.Tests.Pdf;

public sealed class TableTests
{
    [Fact]
    public void Figures_in_a_numeric_column_line_up_on_the_right()
    {
        var document = PdfTestWriter.NewDocument().With(new TableBlock(
            [new TableColumn("Landkreis"), TableColumn.Numeric("Betriebe"), TableColumn.Numeric("Anteil in %")],
            [
                new TableRow(["Holzminden", "1.234", "5,0"]),
                new TableRow(["Hameln-Pyrmont", "87", "42,5"]),
                new TableRow(["Schaumburg", "3", "."]),
                new TableRow(["Insgesamt", "1.324", "100,0"], IsTotal: true),
            ]));

        using var pdf = PdfTestWriter.WriteAndRead(document);

        var words = pdf.Words[0];
        double RightOf(string text) => words.Single(w => w.Text == text).BoundingBox.Right;
        var counts = new[] { "1.234", "87", "3", "1.324", "Betriebe" }.Select(RightOf).ToList();
        var shares = new[] { "5,0", "42,5", ".", "100,0", "%" }.Select(RightOf).ToList();
        (counts.Max() - counts.Min()).ShouldBeLessThan(0.6);
        (shares.Max() - shares.Min()).ShouldBeLessThan(0.6);
        RightOf("Holzminden").ShouldBeLessThan(RightOf("Hameln-Pyrmont"), "Textspalten sind linksbündig");
    }

    [Fact]
    public void Columns_get_what_their_content_needs_and_the_rest_by_weight()
    {
        // Enough room for everything: the spare width goes 3 : 1.
        ColumnWidths.Compute([20, 20], [50, 30], [3, 1], 120).ShouldBe([80f, 40f]);

        // Too little room: the column that wraps gives up width, the short figure column keeps what it needs.
        var tight = ColumnWidths.Compute([60, 40], [400, 45], [1, 1], 300);
        tight[1].ShouldBe(45f, 0.01f);
        tight[0].ShouldBe(255f, 0.01f);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused_with_a_German_message()
    {
        Should.Throw<ArgumentException>(() => new TableBlock([new TableColumn("A"), new TableColumn("B")], [new TableRow(["nur eine"])]))
            .Message.ShouldContain("Zeile 1 hat 1 Zellen, die Tabelle aber 2 Spalten");
    }
}
