using System.Net;
using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Notifications;

/// <summary>A notice is written when it is read: in the language of the page and the zone of the reader, from the event's data.</summary>
public sealed class NoticeWordsTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private async Task<IReadOnlyList<Notification>> NoticesAsync(string agency, string language)
    {
        var http = await host.HttpFor(WorkspaceHost.FocalPoint(agency));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/notifications");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<Notification>>(WorkspaceClient.Json))!;
    }

    [Fact]
    public async Task A_sign_off_request_reads_in_the_readers_language_and_zone_with_the_city_named_in_that_language()
    {
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Equal(HttpStatusCode.OK, (await iom.PutAsJsonAsync("/api/me/settings", new { timeZone = "Europe/Vienna", language = "fr" })).StatusCode);
        var (paper, revision) = await DraftAsync(host, "Statement on safe migration");
        var deadline = new DateTimeOffset(host.Clock.GetUtcNow().Year, 12, 9, 16, 0, 0, TimeSpan.Zero);
        if (deadline < host.Clock.GetUtcNow())
        {
            deadline = deadline.AddYears(1);
        }

        await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).OpenRoundAsync(paper.Id, revision.Number, "Unanimous", deadline);

        var french = Assert.Single(await NoticesAsync("IOM", "fr"), n => n.Subject.Id == paper.Id.ToString());
        Assert.Contains("L'approbation de votre organisation (IOM) est demandée pour «\u00a0Statement on safe migration\u00a0»", french.Text);
        Assert.Contains("17:00 (Vienne)", french.Text);
        Assert.DoesNotContain("UTC", french.Text);
        Assert.DoesNotContain("Bonjour", french.Text);

        var english = Assert.Single(await NoticesAsync("IOM", "en"), n => n.Subject.Id == paper.Id.ToString());
        Assert.Contains("Your agency (IOM) is asked to sign off \"Statement on safe migration\", revision 1.", english.Text);
        Assert.Contains("17:00 (Vienna)", english.Text);
        Assert.DoesNotContain("UTC", english.Text);

        // Another reader of the same event, in their own zone (none set: UTC).
        var unhcr = Assert.Single(await NoticesAsync("UNHCR", "es"), n => n.Subject.Id == paper.Id.ToString());
        Assert.Contains("16:00 (UTC)", unhcr.Text);
    }

    [Fact]
    public async Task A_meeting_invitation_keeps_the_time_it_was_sent_with_after_the_meeting_moves()
    {
        var unodc = await host.ClientFor(WorkspaceHost.Secretariat);
        var starts = host.Clock.GetUtcNow().AddDays(20);
        var meeting = await unodc.ScheduleMeetingAsync("Plenary, March", "Plenary", starts, 60, "Europe/Zurich", invitedAgencyCodes: ["IOM"]);
        await unodc.RescheduleMeetingAsync(meeting.Id, starts.AddDays(1), 90, "Europe/Zurich");

        var notices = (await NoticesAsync("IOM", "fr")).Where(n => n.Subject.Id == meeting.Id.ToString()).ToList();
        var invited = Assert.Single(notices, n => n.Kind == "meeting-scheduled");
        var moved = Assert.Single(notices, n => n.Kind == "meeting-rescheduled");
        Assert.Contains("est invitée à «\u00a0Plenary, March\u00a0»", invited.Text);
        Assert.Contains(", 60 min.", invited.Text);
        Assert.Contains("est déplacée", moved.Text);
        Assert.Contains(", 90 min.", moved.Text);
        Assert.DoesNotContain("invitation jointe", moved.Text);
    }
}
