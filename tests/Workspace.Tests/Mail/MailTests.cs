using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workspace.Server.Mail;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Mail;

public sealed class MailTestsOnSqlite(MailHost host) : MailTests<MailHost>(host);

public sealed class MailTestsOnPostgres(MailHostOnPostgres host) : MailTests<MailHostOnPostgres>(host);

public abstract class MailTests<THost>(THost host) : IClassFixture<THost>
    where THost : MailHost
{
    private List<MimeMessage> To(string email, string subjectContains) => host.Smtp.To(email, subjectContains);

    [Fact]
    public async Task A_sign_off_request_reaches_each_focal_point_as_a_mail_in_their_language_and_zone_with_a_link_to_the_paper()
    {
        await host.Smtp.StartAsync();
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Equal(HttpStatusCode.OK, (await iom.PutAsJsonAsync("/api/me/settings", new { timeZone = "America/New_York", language = "fr" })).StatusCode);

        var (paper, revision) = await DraftAsync(host, "Statement by mail");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ilo.OpenRoundAsync(paper.Id, revision.Number, "Silence", new DateTimeOffset(2026, 6, 18, 15, 0, 0, TimeSpan.Zero));
        await host.DeliverMailAsync();

        var french = Assert.Single(To(WorkspaceHost.FocalPoint("IOM"), "Statement by mail"));
        Assert.Equal("Approbation demandée\u00a0: Statement by mail", french.Subject);
        Assert.Equal("workspace@icat.example", french.From.Mailboxes.Single().Address);
        Assert.Contains("Échéance\u00a0: jeu. 18 juin, 11:00 (New York), jeu. 18 juin, 15:00 UTC.", french.TextBody, StringComparison.Ordinal);
        // French sets a no-break space before its colons and inside its guillemets, in the subject, the text and the links.
        Assert.DoesNotContain(" :", french.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("« ", french.TextBody, StringComparison.Ordinal);
        Assert.Contains("accord tacite", french.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{host.BaseAddress}papers/{paper.Id}", french.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{host.BaseAddress}papers/{paper.Id}\"", french.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", french.HtmlBody, StringComparison.Ordinal);

        var english = Assert.Single(To(WorkspaceHost.FocalPoint("UNHCR"), "Statement by mail"));
        Assert.Equal("Sign-off requested: Statement by mail", english.Subject);
        Assert.Contains("Deadline: Thu 18 Jun, 15:00 (UTC).", english.TextBody, StringComparison.Ordinal);
        // Each message once, whatever ran the delivery (this call, or the job the commit woke).
        Assert.Equal(english.MessageId, Assert.Single(host.Smtp.Messages(), m => m.MessageId == english.MessageId).MessageId);
        Assert.Empty(To(WorkspaceHost.FocalPoint("OHCHR"), "Statement by mail"));
    }

    [Fact]
    public async Task A_sign_off_request_is_mailed_in_arabic_russian_chinese_and_spanish_each_with_its_words_dates_and_direction()
    {
        await host.Smtp.StartAsync();
        var languages = new Dictionary<string, string> { ["IOM"] = "ar", ["UNHCR"] = "ru", ["OHCHR"] = "zh", ["UNICEF"] = "es" };
        var before = new Dictionary<string, System.Text.Json.JsonElement>();
        foreach (var (agency, language) in languages)
        {
            var person = await host.HttpFor(WorkspaceHost.FocalPoint(agency));
            before[agency] = await person.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/settings");
            Assert.Equal(HttpStatusCode.OK, (await person.PutAsJsonAsync("/api/me/settings", new { timeZone = "Europe/Vienna", language })).StatusCode);
        }

        try
        {
            await MailedInFourLanguagesAsync(languages);
        }
        finally
        {
            // The class's other tests read these people's mail in the zone and language they had.
            foreach (var (agency, settings) in before)
            {
                await (await host.HttpFor(WorkspaceHost.FocalPoint(agency))).PutAsJsonAsync("/api/me/settings", settings);
            }
        }
    }

    private async Task MailedInFourLanguagesAsync(Dictionary<string, string> languages)
    {

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Brief in six languages", "IssueBrief", "ILO", [.. languages.Keys]);
        var revision = await ilo.AddRevisionAsync(paper.Id, 0, "# Brief in six languages\n\nText.\n");
        await ilo.OpenRoundAsync(paper.Id, revision.Number, "Unanimous", new DateTimeOffset(2026, 6, 18, 15, 0, 0, TimeSpan.Zero));
        await host.DeliverMailAsync();

        var arabic = Assert.Single(To(WorkspaceHost.FocalPoint("IOM"), "Brief in six languages"));
        Assert.Equal("طلب موافقة: Brief in six languages", arabic.Subject);
        Assert.Contains("الموعد النهائي: الخميس 18 يونيو، 17:00 (فيينا)، الخميس 18 يونيو، 15:00 UTC.", arabic.TextBody, StringComparison.Ordinal);
        Assert.Contains("يجب أن توافق كل جهة مشاركة على النص.", arabic.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", arabic.HtmlBody, StringComparison.Ordinal);

        var russian = Assert.Single(To(WorkspaceHost.FocalPoint("UNHCR"), "Brief in six languages"));
        Assert.Equal("Запрошено одобрение: Brief in six languages", russian.Subject);
        Assert.Contains("Срок: чт 18 июн., 17:00 (Вена), чт 18 июн., 15:00 UTC.", russian.TextBody, StringComparison.Ordinal);
        Assert.Contains("Открыть документ:", russian.TextBody, StringComparison.Ordinal);

        var chinese = Assert.Single(To(WorkspaceHost.FocalPoint("OHCHR"), "Brief in six languages"));
        Assert.Equal("请求批准：Brief in six languages", chinese.Subject);
        Assert.Contains("截止时间：6月18日周四 17:00 (维也纳)，6月18日周四 15:00 UTC。", chinese.TextBody, StringComparison.Ordinal);
        Assert.Contains("打开文件：", chinese.TextBody, StringComparison.Ordinal);

        var spanish = Assert.Single(To(WorkspaceHost.FocalPoint("UNICEF"), "Brief in six languages"));
        Assert.Equal("Aprobación solicitada: Brief in six languages", spanish.Subject);
        Assert.Contains("Plazo: jue 18 jun, 17:00 (Viena), jue 18 jun, 15:00 UTC.", spanish.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\" dir=\"ltr\"", spanish.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_people_wrote_never_becomes_a_link_in_the_HTML_part_only_the_workspaces_own_addresses_do()
    {
        await host.Smtp.StartAsync();
        const string title = "Budget review: https://evil.example/login?x=";
        var (paper, revision) = await DraftAsync(host, title);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ilo.OpenRoundAsync(paper.Id, revision.Number, "Unanimous", host.Clock.GetUtcNow().AddDays(3));
        await host.DeliverMailAsync();

        var mail = Assert.Single(To(WorkspaceHost.FocalPoint("UNHCR"), "Budget review"));
        var hrefs = System.Text.RegularExpressions.Regex.Matches(mail.HtmlBody ?? "", "href=\"(?<href>[^\"]*)\"").Select(m => m.Groups["href"].Value).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.StartsWith(host.BaseAddress.ToString(), System.Net.WebUtility.HtmlDecode(href), StringComparison.Ordinal));
        Assert.Contains("evil.example", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proposed_editorial_correction_is_mailed_to_the_signatories_with_a_link_to_the_difference_but_not_to_who_proposed_it()
    {
        await host.Smtp.StartAsync();
        var (paper, revision) = await InSignOffAsync(host, "Statement corrected by mail", "Unanimous", TimeSpan.FromDays(5));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var body = (await ilo.GetRevisionAsync(paper.Id, revision.Number)).Body;

        await ilo.ProposeCorrectionAsync(paper.Id, revision.Number, body + "\nA typing error corrected.\n");
        await host.DeliverMailAsync();

        var mail = Assert.Single(To(WorkspaceHost.FocalPoint("UNHCR"), "Statement corrected by mail"), m => (m.Subject ?? "").Contains("correction", StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"{host.BaseAddress}papers/{paper.Id}?revision=2&compare=1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 → 2", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(To(WorkspaceHost.FocalPoint("ILO"), "Statement corrected by mail"), m => (m.Subject ?? "").Contains("correction", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Meeting_mail_carries_the_invitation_calendars_act_on_with_the_served_uid_and_a_rising_sequence()
    {
        await host.Smtp.StartAsync();
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync("Invitation by mail", "Plenary", host.Clock.GetUtcNow().AddDays(10), 90, "Europe/Vienna",
            invitedAgencyCodes: ["OHCHR"]);
        await host.DeliverMailAsync();
        var moved = host.Clock.GetUtcNow().AddDays(11);
        await ilo.RescheduleMeetingAsync(meeting.Id, moved, 60, "Europe/Vienna");
        await host.DeliverMailAsync();
        await ilo.CancelMeetingAsync(meeting.Id);
        await host.DeliverMailAsync();

        static TextPart Invitation(MimeMessage m) => m.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        var mails = To(WorkspaceHost.FocalPoint("OHCHR"), "Invitation by mail").OrderBy(m => Ical.Net.Calendar.Load(Invitation(m).Text)!.Events.Single().Sequence).ToList();
        Assert.Equal(["Invitation: Invitation by mail", "Updated invitation: Invitation by mail", "Cancelled: Invitation by mail"], mails.Select(m => m.Subject));
        var invitations = mails.Select(Invitation).ToList();
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], invitations.Select(p => p.ContentType.Parameters["method"]));
        var events = invitations.Select(p => Ical.Net.Calendar.Load(p.Text)!).ToList();
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], events.Select(c => c.Method));
        Assert.All(events, c => Assert.Equal(Workspace.Server.Features.Meetings.MeetingCalendar.Uid(meeting.Id), c.Events.Single().Uid));
        Assert.Equal([0, 1, 2], events.Select(c => c.Events.Single().Sequence));
        // In the organizer's zone, as the served invitation has it.
        Assert.Equal((TimeZoneInfo.ConvertTime(moved, TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna")).DateTime, "Europe/Vienna"),
            (events[1].Events.Single().DtStart!.Value, events[1].Events.Single().DtStart!.TzId));
        Assert.Contains(events[0].Events.Single().Attendees, a => a.Value!.ToString() == $"mailto:{WorkspaceHost.FocalPoint("OHCHR")}");

        // The same invitation as the workspace serves for the meeting: same UID, same sequence.
        var served = Ical.Net.Calendar.Load(await ilo.GetMeetingInvitationAsync(meeting.Id))!.Events.Single();
        Assert.Equal((events[2].Events.Single().Uid, events[2].Events.Single().Sequence), (served.Uid, served.Sequence));
        Assert.Contains("Your calendar adds or moves it by itself", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Your calendar removes it by itself", mails[2].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_delays_mail_never_fails_the_change_and_it_goes_out_once_when_back_also_after_a_restart()
    {
        await host.Smtp.StopAsync();
        var (paper, revision) = await DraftAsync(host, "Sent while the mail server was down");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));

        var opened = await ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds", new { revision = revision.Number, procedure = "Unanimous", deadline = host.Clock.GetUtcNow().AddDays(5) });

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        await host.DeliverMailAsync();
        var waiting = (long)(await host.QueryScalarAsync("""SELECT count(*) FROM "OutgoingMail" WHERE "SentAt" IS NULL AND "Attempts" >= 1 AND "LastError" IS NOT NULL"""))!;
        Assert.True(waiting >= 1, "the failed attempt is recorded");

        await host.RestartAsync();
        await host.Smtp.StartAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        await host.DeliverMailAsync();
        await host.DeliverMailAsync();

        var sent = To(WorkspaceHost.FocalPoint("IOM"), "Sent while the mail server was down");
        Assert.Single(sent);
        Assert.Single(To(WorkspaceHost.FocalPoint("ILO"), "Sent while the mail server was down"));
        Assert.Equal(0L, (long)(await host.QueryScalarAsync("""SELECT count(*) FROM "OutgoingMail" WHERE NOT "HeldForDigest" AND "SentAt" IS NULL"""))!);
        Assert.Single(host.Smtp.Messages(), m => m.MessageId == sent[0].MessageId);
    }
}

/// <summary>With no mail server configured (the embedded default), the outbox records what would be sent and sends nothing, then or later.</summary>
public sealed class NoMailServerTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [Fact]
    public async Task Without_a_host_the_outbox_records_each_message_and_closes_it_as_not_sent()
    {
        var (paper, revision) = await DraftAsync(host, "Recorded, not sent");
        await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).OpenRoundAsync(paper.Id, revision.Number, "Unanimous", host.Clock.GetUtcNow().AddDays(5));
        await host.ReactionsDoneAsync();
        var recorded = (long)(await host.QueryScalarAsync("""SELECT count(*) FROM "OutgoingMail" WHERE "Subject" = 'Sign-off requested: Recorded, not sent'"""))!;
        Assert.True(recorded >= 3, $"{recorded} messages recorded for three agencies' focal points");

        await host.App.Services.GetRequiredService<MailDelivery>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(recorded, (long)(await host.QueryScalarAsync(
            """SELECT count(*) FROM "OutgoingMail" WHERE "Subject" = 'Sign-off requested: Recorded, not sent' AND "SentAt" IS NULL AND "GivenUpAt" IS NOT NULL AND "LastError" LIKE 'Not sent%'"""))!);
    }
}
