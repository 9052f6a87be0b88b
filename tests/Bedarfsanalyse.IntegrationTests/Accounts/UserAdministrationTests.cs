using System.Net;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

public sealed class UserAdministrationTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task Editing_an_account_during_a_lockout_after_failed_sign_ins_neither_ticks_the_lock_nor_makes_the_lockout_permanent()
    {
        using var attacker = App.NewSession();
        for (var i = 0; i < 5; i++)
        {
            await attacker.SignInAsync("analyst@example.org", "falsches Passwort " + i);
        }

        DateTimeOffset lockedOutUntil;
        await using (var db = CreateDb())
        {
            lockedOutUntil = (await db.Users.SingleAsync(u => u.Id == AnalystId)).LockoutEnd!.Value;
        }

        using var admin = await App.SignInAsync("admin@example.org");
        var (_, form) = await admin.GetPageAsync($"/admin/benutzer/{AnalystId}");
        form.QuerySelector("input[name='Form.Locked']")!.HasAttribute("checked").ShouldBeFalse();
        form.QuerySelector("[data-testid=locked-out]")!.TextContent.ShouldContain("vorübergehend gesperrt");

        var saved = await admin.SubmitAsync($"/admin/benutzer/{AnalystId}",
            [new("Form.DisplayName", "Analyse MehrWert"), new("Form.Roles", Roles.Analyst), new("Form.Network", "mehrwert")]);

        (await WebSession.ParseAsync(saved)).QuerySelector("[role=status]")!.TextContent.ShouldContain("gespeichert");
        await using var check = CreateDb();
        var user = await check.Users.SingleAsync(u => u.Id == AnalystId);
        user.DisplayName.ShouldBe("Analyse MehrWert");
        user.LockoutEnd.ShouldNotBeNull();
        user.LockoutEnd!.Value.ShouldBe(lockedOutUntil, TimeSpan.FromSeconds(1));
        user.LockoutEnd.Value.ShouldBeLessThan(DateTimeOffset.UtcNow.AddMinutes(16));
        var (_, list) = await admin.GetPageAsync("/admin/benutzer");
        list.QuerySelector("main tbody")!.TextContent.ShouldContain("nach Fehlversuchen gesperrt bis");
    }

    [Fact]
    public async Task The_admins_lock_is_ticked_on_the_form_and_lifted_by_unticking_it()
    {
        using var admin = await App.SignInAsync("admin@example.org");
        KeyValuePair<string, string>[] fields = [new("Form.DisplayName", "analyst"), new("Form.Roles", Roles.Analyst), new("Form.Network", "mehrwert")];

        await admin.SubmitAsync($"/admin/benutzer/{AnalystId}", [.. fields, new("Form.Locked", "true")]);
        var (_, locked) = await admin.GetPageAsync($"/admin/benutzer/{AnalystId}");
        using var refused = App.NewSession();
        var whileLocked = await refused.SignInAsync("analyst@example.org", TestApp.Password);
        await admin.SubmitAsync($"/admin/benutzer/{AnalystId}", fields);

        locked.QuerySelector("input[name='Form.Locked']")!.HasAttribute("checked").ShouldBeTrue();
        locked.QuerySelector("[data-testid=locked-out]").ShouldBeNull();
        whileLocked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.ParseAsync(whileLocked)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("gesperrt");
        (await App.NewSession().SignInAsync("analyst@example.org", TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task When_Identity_refuses_a_change_nothing_is_stored_or_recorded_and_the_admin_reads_why()
    {
        await using (var db = CreateDb())
        {
            // A user name with a space (as an old import might have left it): Identity's validation refuses to save the account.
            await db.Users.Where(u => u.Id == SteeringId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.UserName, "steering example").SetProperty(u => u.NormalizedUserName, "STEERING EXAMPLE"));
        }

        using var admin = await App.SignInAsync("admin@example.org");

        var response = await admin.SubmitAsync($"/admin/benutzer/{SteeringId}",
            [new("Form.DisplayName", "Umbenannt"), new("Form.Roles", Roles.Steering), new("Form.Roles", Roles.Analyst), new("Form.Network", "mehrwert")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await WebSession.ParseAsync(response);
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        alert.ShouldContain("„steering example“ ist kein gültiger Benutzername");
        alert.ShouldContain("Es wurde nichts geändert");
        page.QuerySelector("[role=status]").ShouldBeNull();
        await using var check = CreateDb();
        (await check.Users.SingleAsync(u => u.Id == SteeringId)).DisplayName.ShouldBe("steering");
        (await check.UserRoles.CountAsync(r => r.UserId == SteeringId)).ShouldBe(1);
        (await check.AuditEvents.AnyAsync(e => e.Action == "user-changed" || e.Action == "role-changed")).ShouldBeFalse();
    }
}
