using System.Net;
using Bedarfsanalyse.Data.Accounts;
using Bedarfsanalyse.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bedarfsanalyse.IntegrationTests.Accounts;

public sealed class SignInTests(TestDatabase database) : AppTest(database)
{
    [Fact]
    public async Task A_page_sends_an_anonymous_visitor_to_the_German_sign_in_form()
    {
        var response = await App.Client.GetAsync("/admin/benutzer");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/anmelden?zurueck=");
        var (_, page) = await App.NewSession().GetPageAsync("/anmelden");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Anmelden");
        page.DocumentElement.GetAttribute("lang").ShouldBe("de");
    }

    [Fact]
    public async Task Signing_in_leads_back_to_the_page_asked_for_and_is_recorded()
    {
        using var session = App.NewSession();
        await session.GetAsync("/admin/verbuende");

        var response = await session.SubmitAsync("/anmelden?zurueck=%2Fadmin%2Fverbuende",
            [new("Form.Email", "admin@example.org"), new("Form.Password", TestApp.Password)]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/admin/verbuende");
        (await session.GetAsync("/admin/verbuende")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = CreateDb();
        (await db.AuditEvents.CountAsync(e => e.Action == "sign-in" && e.ActorName == "admin@example.org")).ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_German_message_and_recorded_as_failed()
    {
        using var session = App.NewSession();

        var response = await session.SignInAsync("steering@example.org", "falsches Passwort 123");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[role=alert]")!.TextContent.ShouldContain("E-Mail-Adresse oder Passwort ist falsch");
        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = CreateDb();
        (await db.AuditEvents.SingleAsync(e => e.Action == "sign-in-failed")).ActorName.ShouldBe("steering@example.org");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_that_even_the_right_one_is_refused()
    {
        using var session = App.NewSession();
        for (var i = 0; i < 5; i++)
        {
            await session.SignInAsync("analyst@example.org", "falsches Passwort " + i);
        }

        var response = await session.SignInAsync("analyst@example.org", TestApp.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("vorübergehend gesperrt");
        await using var db = CreateDb();
        (await db.AuditEvents.AnyAsync(e => e.Action == "locked-out" && e.ActorName == "analyst@example.org")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_user_with_a_one_time_password_must_choose_a_new_one_before_anything_else()
    {
        using var admin = await App.SignInAsync("admin@example.org");
        var created = await admin.SubmitAsync("/admin/benutzer/neu",
        [
            new("Form.Email", "neu@example.org"), new("Form.DisplayName", "Neue Interviewerin"),
            new("Form.Roles", Roles.Interviewer), new("Form.Network", "mehrwert"), new("Form.Districts", "03255"),
        ]);
        var oneTimePassword = (await WebSession.ParseAsync(created)).QuerySelector("[data-testid=one-time-password]")!.TextContent.Trim();

        using var session = App.NewSession();
        (await session.SignInAsync("neu@example.org", oneTimePassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var start = await session.GetAsync("/");
        start.Headers.Location!.ToString().ShouldBe("/konto/passwort");

        var changed = await session.SubmitAsync("/konto/passwort",
            [new("Form.CurrentPassword", oneTimePassword), new("Form.NewPassword", "mein eigenes langes Passwort"), new("Form.Repeat", "mein eigenes langes Passwort")]);

        (await WebSession.ParseAsync(changed)).QuerySelector("[role=status]")!.TextContent.ShouldContain("Ihr Passwort wurde geändert");
        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_password_that_is_too_short_is_refused_at_the_field()
    {
        using var session = await App.SignInAsync("steering@example.org");

        var response = await session.SubmitAsync("/konto/passwort",
            [new("Form.CurrentPassword", TestApp.Password), new("Form.NewPassword", "kurz"), new("Form.Repeat", "kurz")]);

        var page = await WebSession.ParseAsync(response);
        page.QuerySelector("[data-valmsg-for='Form.NewPassword']")!.TextContent.ShouldContain("mindestens 12 Zeichen");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var session = await App.SignInAsync("steering@example.org");

        await session.SubmitAsync("/abmelden", []);

        (await session.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
