using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Foundation;

public sealed class ReferenceDataTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Lower_Saxony_has_its_45_current_districts_with_keys_and_names()
    {
        await using var db = CreateDb();

        var current = await db.Districts.Where(d => d.StateCode == "03" && d.ValidUntil == null).ToListAsync();

        current.Count.ShouldBe(45);
        current.Single(d => d.Key == "03255").Name.ShouldBe("Holzminden");
        current.Single(d => d.Key == "03241").Kind.ShouldBe("Region");
        current.Count(d => d.Kind == "Kreisfreie Stadt").ShouldBe(8);
        current.Single(d => d.Key == "03159").ValidFrom.ShouldBe(new DateOnly(2016, 11, 1));
    }

    [Fact]
    public async Task The_districts_merged_into_Goettingen_are_kept_as_history()
    {
        await using var db = CreateDb();

        var merged = await db.Districts.Where(d => d.ValidUntil != null).OrderBy(d => d.Key).ToListAsync();

        merged.Select(d => d.Key).ShouldBe(["03152", "03156"]);
        merged.ShouldAllBe(d => d.ValidUntil == new DateOnly(2016, 10, 31));
        (await db.Districts.SingleAsync(d => d.Key == "03159")).ValidFrom.ShouldBe(merged[0].ValidUntil!.Value.AddDays(1));
    }

    [Fact]
    public async Task Every_district_of_Lower_Saxony_carries_its_start_date_and_the_territorial_status_it_was_taken_from()
    {
        await using var db = CreateDb();

        var districts = await db.Districts.Where(d => d.StateCode == "03").ToListAsync();

        districts.Count.ShouldBe(47);
        districts.ShouldAllBe(d => d.TerritorialStatus == new DateOnly(2016, 11, 1));
        districts.ShouldAllBe(d => d.ValidFrom <= d.TerritorialStatus);
        districts.Single(d => d.Key == "03241").ValidFrom.ShouldBe(new DateOnly(2001, 11, 1));
        districts.Single(d => d.Key == "03255").ValidFrom.ShouldBe(new DateOnly(1977, 8, 1));
        districts.Count(d => d.ValidFrom == new DateOnly(1977, 8, 1)).ShouldBe(45);
    }

    [Fact]
    public async Task Every_WZ_2008_section_belongs_to_one_of_the_five_sector_groups()
    {
        await using var db = CreateDb();

        var sectors = await db.Sectors.Where(s => s.Classification == "WZ2008").OrderBy(s => s.Code).ToListAsync();

        string.Concat(sectors.Select(s => s.Code)).ShouldBe("ABCDEFGHIJKLMNOPQRSTU");
        sectors.GroupBy(s => s.SectorGroupCode).ToDictionary(g => g.Key, g => string.Concat(g.Select(s => s.Code)))
            .ShouldBe(new Dictionary<string, string> { ["A"] = "A", ["B-F"] = "BCDEF", ["G-I"] = "GHI", ["J-N"] = "JKLMN", ["O-U"] = "OPQRSTU" });
    }

    [Fact]
    public async Task The_network_presets_come_with_their_districts()
    {
        await using var db = CreateDb();

        var networks = await db.Networks.Include(n => n.Districts).OrderBy(n => n.Id).ToListAsync();

        networks.Select(n => n.Key).ShouldBe(["mehrwert", "leine-weser", "suedostniedersachsen"]);
        networks[0].Districts.Select(d => d.DistrictKey).Order()
            .ShouldBe(["03251", "03252", "03255", "03256", "03257", "03453", "03460"]);
        networks[1].Districts.Count.ShouldBe(6);
        networks[2].Districts.Count.ShouldBe(8);
    }

    [Fact]
    public async Task Size_classes_and_respondent_groups_are_reference_data()
    {
        await using var db = CreateDb();

        (await db.SizeClasses.OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync()).ShouldBe(["1-9", "10-49", "50-249", "250+"]);
        (await db.RespondentGroups.CountAsync()).ShouldBe(5);
        (await db.RespondentGroups.SingleAsync(g => g.IsEstablishment)).Code.ShouldBe("establishment");
    }
}
