using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Meetings;

public sealed class CalendarTestsOnSqlite(WorkspaceHost host) : CalendarTests<WorkspaceHost>(host);

public sealed class CalendarTestsOnPostgres(PostgresHost host) : CalendarTests<PostgresHost>(host);

public abstract class CalendarTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private Task<WorkspaceClient> CoChair => host.ClientFor(WorkspaceHost.FocalPoint("ILO"));

    private static DateTimeOffset Vienna(int year, int month, int day, int hour) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(year, month, day, hour, 0, 0, TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna").GetUtcOffset(new DateTime(year, month, day, hour, 0, 0))), TimeZoneInfo.Utc);

    private static int HourIn(Ical.Net.CalendarComponents.CalendarEvent e, string zone) => e.DtStart!.ToTimeZone(zone).Hour;

    [Fact]
    public async Task A_plenary_at_15_00_in_Vienna_is_at_09_00_in_New_York_and_at_10_00_when_the_clocks_have_not_changed_together()
    {
        var ilo = await CoChair;
        // 12 January 2027: both on standard time (UTC+1, UTC-5). 16 March 2027: New York already on summer time, Vienna not yet.
        var january = await ilo.ScheduleMeetingAsync("January plenary", "Plenary", Vienna(2027, 1, 12, 15), 120, "Europe/Vienna");
        var march = await ilo.ScheduleMeetingAsync("March plenary", "Plenary", Vienna(2027, 3, 16, 15), 120, "Europe/Vienna");

        foreach (var (meeting, newYorkHour) in new[] { (january, 9), (march, 10) })
        {
            var calendar = Calendar.Load(await ilo.GetMeetingInvitationAsync(meeting.Id))!;
            var e = Assert.Single(calendar.Events);
            Assert.Equal("Europe/Vienna", e.DtStart!.TzId);
            Assert.Equal(15, e.DtStart.Hour);
            Assert.Equal(newYorkHour, HourIn(e, "America/New_York"));
            Assert.Equal(17, e.DtEnd!.Hour);
            Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Vienna");
        }

        Assert.Equal(TimeSpan.FromHours(1), march.StartsAt.Offset);
    }

    [Fact]
    public async Task The_invitation_names_organizer_and_attendees_with_their_answers_and_a_uid_that_never_changes()
    {
        var ilo = await CoChair;
        var meeting = await ilo.ScheduleMeetingAsync("Invitation details: Q3", "Plenary", Vienna(2026, 9, 10, 10), 60, "Europe/Vienna",
            "Vienna International Centre, Board Room C", "https://meet.example.org/icat-q3", [new("Opening"), new("Trends report", "IOM")], invitedAgencyCodes: ["IOM", "OHCHR"]);
        await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).RsvpAsync(meeting.Id, "Declined");

        var response = await ilo.Http.GetAsync($"/api/meetings/{meeting.Id}/ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("attachment", "invitation-details-q3.ics"), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName));
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        // A download is the reader's copy, not an invitation from the organizer: mail carries those.
        Assert.Equal("PUBLISH", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal($"{meeting.Id}@inter-agency-workspace", e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal("Invitation details: Q3", e.Summary);
        Assert.Equal("Vienna International Centre, Board Room C", e.Location);
        Assert.Equal(new Uri(host.BaseAddress, $"meetings/{meeting.Id}"), e.Url);
        Assert.Contains("1. Opening\n2. Trends report (IOM)", e.Description, StringComparison.Ordinal);
        Assert.Contains("Join online: https://meet.example.org/icat-q3", e.Description, StringComparison.Ordinal);
        Assert.Equal($"mailto:{WorkspaceHost.FocalPoint("ILO")}", e.Organizer!.Value!.ToString());
        var attendees = e.Attendees.ToDictionary(a => a.Value!.ToString(), a => a.ParticipationStatus);
        Assert.Equal("DECLINED", attendees[$"mailto:{WorkspaceHost.FocalPoint("IOM")}"]);
        Assert.Equal("NEEDS-ACTION", attendees[$"mailto:{WorkspaceHost.FocalPoint("OHCHR")}"]);
        Assert.DoesNotContain($"mailto:{WorkspaceHost.FocalPoint("WHO")}", attendees.Keys);

        await ilo.RescheduleMeetingAsync(meeting.Id, Vienna(2026, 9, 11, 10), 60, "Europe/Vienna");
        var moved = Assert.Single(Calendar.Load(await ilo.GetMeetingInvitationAsync(meeting.Id))!.Events);
        Assert.Equal((e.Uid, 1, 11), (moved.Uid, moved.Sequence, moved.DtStart!.Day));

        await ilo.CancelMeetingAsync(meeting.Id);
        var cancelled = Calendar.Load(await ilo.GetMeetingInvitationAsync(meeting.Id))!;
        Assert.Equal("PUBLISH", cancelled.Method);
        var gone = Assert.Single(cancelled.Events);
        Assert.Equal((e.Uid, 2, "CANCELLED"), (gone.Uid, gone.Sequence, gone.Status));

        var who = await host.HttpFor(WorkspaceHost.FocalPoint("WHO"));
        await ProblemAssert.IsProblem(who.GetAsync($"/api/meetings/{meeting.Id}/ics"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_personal_feed_token_lets_a_calendar_client_subscribe_until_it_is_revoked()
    {
        var ilo = await CoChair;
        var mine = await ilo.ScheduleMeetingAsync("Feed meeting", "Plenary", Vienna(2026, 10, 5, 14), 60, "Europe/Vienna", invitedAgencyCodes: ["UNICEF"]);
        var notMine = await ilo.ScheduleMeetingAsync("Not in the feed", "Plenary", Vienna(2026, 10, 6, 14), 60, "Europe/Vienna", invitedAgencyCodes: ["IOM"]);
        var unicef = await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"));

        var issued = await unicef.Http.PostAsync("/api/me/calendar-feed", null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var url = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.StartsWith(host.BaseAddress.GetLeftPart(UriPartial.Authority) + "/api/calendar.ics?token=", url, StringComparison.Ordinal);

        using var calendarClient = new HttpClient();
        var feed = Calendar.Load(await calendarClient.GetStringAsync(url))!;
        Assert.Equal("PUBLISH", feed.Method);
        Assert.Contains(feed.Events, e => e.Uid == $"{mine.Id}@inter-agency-workspace");
        Assert.DoesNotContain(feed.Events, e => e.Uid == $"{notMine.Id}@inter-agency-workspace");

        // A new address replaces the old one; deleting it ends the subscription.
        var reissued = (await (await unicef.Http.PostAsync("/api/me/calendar-feed", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        await ProblemAssert.IsProblem(calendarClient.GetAsync(url), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await calendarClient.GetAsync(reissued)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await unicef.Http.DeleteAsync("/api/me/calendar-feed")).StatusCode);
        await ProblemAssert.IsProblem(calendarClient.GetAsync(reissued), HttpStatusCode.NotFound);

        await ProblemAssert.IsProblem(calendarClient.GetAsync(new Uri(host.BaseAddress, "/api/calendar.ics")), HttpStatusCode.Unauthorized);
        var withBearer = Calendar.Load(await unicef.Http.GetStringAsync("/api/calendar.ics"))!;
        Assert.Contains(withBearer.Events, e => e.Uid == $"{mine.Id}@inter-agency-workspace");
    }

    [Fact]
    public async Task The_feed_lists_a_cancelled_meeting_as_cancelled_so_calendars_remove_it()
    {
        var ilo = await CoChair;
        var meeting = await ilo.ScheduleMeetingAsync("Soon cancelled", "Plenary", Vienna(2026, 11, 2, 9), 60, "Europe/Vienna", invitedAgencyCodes: ["OHCHR"]);
        await ilo.CancelMeetingAsync(meeting.Id);
        var ohchr = await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        var e = Calendar.Load(await ohchr.Http.GetStringAsync("/api/calendar.ics"))!.Events.Single(x => x.Uid == $"{meeting.Id}@inter-agency-workspace");
        Assert.Equal(("CANCELLED", 1), (e.Status, e.Sequence));
    }
}
