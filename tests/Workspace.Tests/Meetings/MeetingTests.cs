using System.Net;
using System.Net.Http.Json;
using System.Text;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Meetings;

public sealed class MeetingTestsOnSqlite(WorkspaceHost host) : MeetingTests<WorkspaceHost>(host);

public sealed class MeetingTestsOnPostgres(PostgresHost host) : MeetingTests<PostgresHost>(host);

public abstract class MeetingTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    // The fake clock reads 15 June 2026; co-chairs are ILO and UNHCR.
    private static readonly DateTimeOffset July1Vienna = new(2026, 7, 1, 15, 0, 0, TimeSpan.FromHours(2));

    private Task<WorkspaceClient> CoChair => host.ClientFor(WorkspaceHost.FocalPoint("ILO"));

    [Fact]
    public async Task A_meeting_is_convened_with_its_venue_online_link_and_agenda_in_one_request_and_bad_ones_change_nothing()
    {
        var ilo = await CoChair;
        var before = (await ilo.ListMeetingsAsync()).Count;

        var refused = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync("/api/meetings", new
        {
            title = "Badly given",
            kind = "Plenary",
            startsAt = July1Vienna,
            durationMinutes = 60,
            timeZone = "Europe/Vienna",
            invitedAgencyCodes = new[] { "IOM" },
            onlineUrl = "http://meet.example.org/plain",
            agenda = new object[] { new { title = "" } },
        }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["agenda[0].title", "onlineUrl"], ProblemAssert.ErrorFields(refused).Order(StringComparer.Ordinal));
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync("/api/meetings", new
        {
            title = "Presenter not invited",
            kind = "Plenary",
            startsAt = July1Vienna,
            durationMinutes = 60,
            timeZone = "Europe/Vienna",
            invitedAgencyCodes = new[] { "IOM" },
            agenda = new[] { new { title = "Update", presenterAgencyCode = "WHO" } },
        }), HttpStatusCode.Conflict, "presenter-not-invited");
        Assert.Equal(before, (await ilo.ListMeetingsAsync()).Count);

        var meeting = await ilo.ScheduleMeetingAsync("Working lunch", "Plenary", July1Vienna, 60, "Europe/Vienna",
            "Vienna International Centre, Room M1", "https://meet.example.org/lunch", [new("Welcome"), new("Trends report", "iom")], invitedAgencyCodes: ["IOM"]);

        Assert.Equal(("Vienna International Centre, Room M1", "https://meet.example.org/lunch"), (meeting.Venue, meeting.OnlineUrl));
        Assert.Equal([("Welcome", (string?)null), ("Trends report", "IOM")], meeting.Agenda.Select(a => (a.Title, a.PresenterAgencyCode)));
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Equal("https://meet.example.org/lunch", (await iom.GetMeetingAsync(meeting.Id)).OnlineUrl);

        // Moving it keeps the place unless it is given; an empty one clears it.
        var moved = await ilo.SendAsync<Meeting>(HttpMethod.Post, $"/api/meetings/{meeting.Id}/reschedule",
            new { startsAt = July1Vienna.AddDays(1), durationMinutes = 60, timeZone = "Europe/Vienna", onlineUrl = "" });
        Assert.Equal(("Vienna International Centre, Room M1", (string?)null), (moved.Venue, moved.OnlineUrl));
    }

    [Fact]
    public async Task A_co_chair_convenes_a_plenary_of_every_member_described_in_the_organizers_zone()
    {
        var ilo = await CoChair;
        var response = await ilo.Http.PostAsJsonAsync("/api/meetings",
            new { title = "Plenary meeting", kind = "Plenary", startsAt = July1Vienna, durationMinutes = 120, timeZone = "Europe/Vienna" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var meeting = (await response.Content.ReadFromJsonAsync<Meeting>(WorkspaceClient.Json))!;
        Assert.Equal($"/api/meetings/{meeting.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(July1Vienna, meeting.StartsAt);
        Assert.Equal(TimeSpan.FromHours(2), meeting.StartsAt.Offset);
        Assert.Equal(July1Vienna.AddHours(2), meeting.EndsAt);
        Assert.Equal(("Scheduled", 0, "ILO"), (meeting.Status, meeting.Sequence, meeting.OrganizerAgencyCode));
        Assert.Equal((await ilo.ListAgenciesAsync()).Select(a => a.Code).Order(StringComparer.Ordinal), meeting.InvitedAgencyCodes);

        var json = await ilo.Http.GetStringAsync($"/api/meetings/{meeting.Id}");
        Assert.Contains("\"startsAt\":\"2026-07-01T15:00:00+02:00\"", json);
        var who = await host.ClientFor(WorkspaceHost.FocalPoint("WHO"));
        Assert.Contains(await who.ListNotificationsAsync(), n => n.Kind == "meeting-scheduled" && n.Subject.Id == meeting.Id.ToString());
        Assert.Contains(await who.ReadEventsAsync(0, 1000), e => e.Type == "meeting.scheduled" && e.Subject.Id == meeting.Id.ToString());
    }

    [Fact]
    public async Task Only_co_chairs_and_the_secretariat_convene_plenaries_and_heads_meetings()
    {
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(iom.PostAsJsonAsync("/api/meetings",
            new { title = "Not mine to call", kind = "Heads", startsAt = July1Vienna, durationMinutes = 60, timeZone = "Europe/Vienna" }), HttpStatusCode.Forbidden);

        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var heads = await secretariat.ScheduleMeetingAsync("Heads of agencies", "Heads", July1Vienna, 90, "America/New_York", invitedAgencyCodes: ["ILO", "IOM"]);
        Assert.Equal(["ILO", "IOM", "UNODC"], heads.InvitedAgencyCodes);
        Assert.Equal(TimeSpan.FromHours(-4), heads.StartsAt.Offset);
        Assert.Equal(July1Vienna, heads.StartsAt);
    }

    [Fact]
    public async Task A_working_groups_lead_convenes_its_meetings_only_and_the_members_are_invited()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var group = await secretariat.CreateWorkingGroupAsync("Data working group", "IOM", ["UNICEF", "UNU"]);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));

        var meeting = await iom.ScheduleMeetingAsync("Data WG call", "WorkingGroup", July1Vienna, 60, "Europe/Zurich", group.Id);
        Assert.Equal(["IOM", "UNICEF", "UNU"], meeting.InvitedAgencyCodes);
        await ProblemAssert.IsProblem(iom.Http.PostAsJsonAsync("/api/meetings",
            new { title = "Plenary by IOM", kind = "Plenary", startsAt = July1Vienna, durationMinutes = 60, timeZone = "Europe/Vienna" }), HttpStatusCode.Forbidden);
        var unicef = await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"));
        await ProblemAssert.IsProblem(unicef.PostAsJsonAsync("/api/meetings",
            new { title = "Member call", kind = "WorkingGroup", workingGroupId = group.Id, startsAt = July1Vienna, durationMinutes = 60, timeZone = "Europe/Vienna" }),
            HttpStatusCode.Forbidden);

        // The lead convenes by its lead of the group: its members only, not every member of the coordination group.
        var wider = await ProblemAssert.IsProblem(iom.Http.PostAsJsonAsync("/api/meetings",
            new { title = "Everyone by IOM", kind = "WorkingGroup", workingGroupId = group.Id, startsAt = July1Vienna, durationMinutes = 60, timeZone = "Europe/Vienna", invitedAgencyCodes = new[] { "UNICEF", "WHO" } }),
            HttpStatusCode.Forbidden);
        Assert.Contains("group's members only", wider.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["IOM", "UNICEF"], (await iom.ScheduleMeetingAsync("Small WG call", "WorkingGroup", July1Vienna, 60, "Europe/Vienna", group.Id, ["UNICEF"])).InvitedAgencyCodes);

        var who = await host.ClientFor(WorkspaceHost.FocalPoint("WHO"));
        await ProblemAssert.IsProblem(who.Http.GetAsync($"/api/meetings/{meeting.Id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await who.ListMeetingsAsync(), m => m.Id == meeting.Id);
        Assert.Contains(await iom.Http.GetFromJsonAsync<List<Meeting>>($"/api/working-groups/{group.Id}/meetings", WorkspaceClient.Json) ?? [], m => m.Id == meeting.Id);
    }

    [Theory]
    [InlineData("{\"title\":\"T\",\"kind\":\"Plenary\",\"startsAt\":\"2026-07-01T15:00:00+02:00\",\"durationMinutes\":60,\"timeZone\":\"Mars/Olympus\"}", "timeZone")]
    [InlineData("{\"title\":\"T\",\"kind\":\"Plenary\",\"startsAt\":\"2026-07-01T15:00:00+02:00\",\"durationMinutes\":60,\"timeZone\":\"W. Europe Standard Time\"}", "timeZone")]
    [InlineData("{\"title\":\"T\",\"kind\":\"Plenary\",\"startsAt\":\"2026-06-01T15:00:00+02:00\",\"durationMinutes\":60,\"timeZone\":\"Europe/Vienna\"}", "startsAt")]
    [InlineData("{\"title\":\"T\",\"kind\":\"Plenary\",\"startsAt\":\"2026-07-01T15:00:00+02:00\",\"durationMinutes\":0,\"timeZone\":\"Europe/Vienna\"}", "durationMinutes")]
    [InlineData("{\"title\":\"T\",\"kind\":\"WorkingGroup\",\"startsAt\":\"2026-07-01T15:00:00+02:00\",\"durationMinutes\":60,\"timeZone\":\"Europe/Vienna\"}", "workingGroupId")]
    [InlineData("{\"title\":\"T\",\"kind\":\"Party\",\"startsAt\":\"2026-07-01T15:00:00+02:00\",\"durationMinutes\":60,\"timeZone\":\"Europe/Vienna\"}", "kind")]
    [InlineData("{\"title\":\"T\",\"kind\":\"Plenary\",\"startsAt\":\"2026-07-01T15:00:00+02:00\",\"durationMinutes\":60,\"timeZone\":\"Europe/Vienna\",\"invitedAgencyCodes\":[\"NOPE\"]}", "invitedAgencyCodes")]
    public async Task A_malformed_meeting_is_400_naming_the_field(string json, string field)
    {
        var ilo = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        var problem = await ProblemAssert.IsProblem(ilo.PostAsync("/api/meetings", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Contains(field, ProblemAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task Invited_people_answer_for_themselves_and_may_change_their_answer()
    {
        var ilo = await CoChair;
        var meeting = await ilo.ScheduleMeetingAsync("RSVP meeting", "Plenary", July1Vienna, 60, "Europe/Vienna", invitedAgencyCodes: ["IOM", "UNHCR"]);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await iom.RsvpAsync(meeting.Id, "Tentative");
        var answered = await iom.RsvpAsync(meeting.Id, "Accepted");

        var rsvp = Assert.Single(answered.Rsvps);
        Assert.Equal(("IOM", WorkspaceHost.FocalPoint("IOM"), "Accepted"), (rsvp.AgencyCode, rsvp.Email, rsvp.Response));

        var who = await host.HttpFor(WorkspaceHost.FocalPoint("WHO"));
        await ProblemAssert.IsProblem(who.PutAsJsonAsync($"/api/meetings/{meeting.Id}/rsvp", new { response = "Accepted" }), HttpStatusCode.NotFound);
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(secretariat.PutAsJsonAsync($"/api/meetings/{meeting.Id}/rsvp", new { response = "Accepted" }), HttpStatusCode.Forbidden);
        var bad = await ProblemAssert.IsProblem(iom.Http.PutAsJsonAsync($"/api/meetings/{meeting.Id}/rsvp", new { response = "Maybe" }), HttpStatusCode.BadRequest);
        Assert.Contains("response", ProblemAssert.ErrorFields(bad));
        Assert.Contains(await ilo.ReadEventsAsync(0, 1000), e => e.Type == "meeting.rsvp-recorded" && e.Subject.Id == meeting.Id.ToString());
    }

    [Fact]
    public async Task The_organizers_set_the_agenda_with_invited_presenters()
    {
        var ilo = await CoChair;
        var meeting = await ilo.ScheduleMeetingAsync("Agenda meeting", "Plenary", July1Vienna, 60, "Europe/Vienna", invitedAgencyCodes: ["IOM", "OHCHR"]);
        var response = await ilo.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/agenda-items", new { title = "Adoption of the agenda" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await ilo.AddAgendaItemAsync(meeting.Id, "Briefing on the annual report", "OHCHR");

        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/agenda-items", new { title = "X", presenterAgencyCode = "WHO" }),
            HttpStatusCode.Conflict, "presenter-not-invited");
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/meetings/{meeting.Id}/agenda-items", new { title = "My item" }), HttpStatusCode.Forbidden);

        var agenda = (await ilo.GetMeetingAsync(meeting.Id)).Agenda;
        Assert.Equal([(1, "Adoption of the agenda", (string?)null), (2, "Briefing on the annual report", "OHCHR")],
            agenda.Select(a => (a.Position, a.Title, a.PresenterAgencyCode)));
    }

    [Fact]
    public async Task Rescheduling_raises_the_sequence_and_tells_the_invited_and_cancelling_ends_changes()
    {
        var ilo = await CoChair;
        var meeting = await ilo.ScheduleMeetingAsync("Moving meeting", "Plenary", July1Vienna, 60, "Europe/Vienna", invitedAgencyCodes: ["IOM"]);
        var moved = await ilo.RescheduleMeetingAsync(meeting.Id, July1Vienna.AddDays(1), 90, "Europe/Vienna");
        Assert.Equal((1, 90), (moved.Sequence, moved.DurationMinutes));
        Assert.Equal(July1Vienna.AddDays(1), moved.StartsAt);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Contains(await iom.ListNotificationsAsync(), n => n.Kind == "meeting-rescheduled" && n.Subject.Id == meeting.Id.ToString());
        await ProblemAssert.IsProblem(iom.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/reschedule",
            new { startsAt = July1Vienna, durationMinutes = 60, timeZone = "Europe/Vienna" }), HttpStatusCode.Forbidden);

        var cancelled = await ilo.CancelMeetingAsync(meeting.Id);
        Assert.Equal(("Cancelled", 2), (cancelled.Status, cancelled.Sequence));
        Assert.Contains(await iom.ListNotificationsAsync(), n => n.Kind == "meeting-cancelled" && n.Subject.Id == meeting.Id.ToString());
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/reschedule",
            new { startsAt = July1Vienna, durationMinutes = 60, timeZone = "Europe/Vienna" }), HttpStatusCode.Conflict, "meeting-cancelled");
        await ProblemAssert.IsProblem(ilo.Http.PostAsync($"/api/meetings/{meeting.Id}/cancel", null), HttpStatusCode.Conflict, "meeting-cancelled");
        await ProblemAssert.IsProblem(iom.Http.PutAsJsonAsync($"/api/meetings/{meeting.Id}/rsvp", new { response = "Accepted" }), HttpStatusCode.Conflict, "meeting-cancelled");
    }

    [Fact]
    public async Task Working_groups_change_members_and_lead_by_the_co_chairs_or_the_secretariat()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var group = await secretariat.CreateWorkingGroupAsync("Changing group", "ILO", ["IOM"]);
        var coChair = await host.HttpFor(WorkspaceHost.FocalPoint("UNHCR"));
        var changed = await coChair.PutAsJsonAsync($"/api/working-groups/{group.Id}", new { name = "Changed group", leadAgencyCode = "OHCHR", memberAgencyCodes = new[] { "IOM", "UNICEF" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var view = (await changed.Content.ReadFromJsonAsync<WorkingGroup>(WorkspaceClient.Json))!;
        Assert.Equal(("Changed group", "OHCHR"), (view.Name, view.LeadAgencyCode));
        Assert.Equal(["IOM", "OHCHR", "UNICEF"], view.MemberAgencyCodes);

        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(iom.PutAsJsonAsync($"/api/working-groups/{group.Id}", new { name = "Mine", leadAgencyCode = "IOM", memberAgencyCodes = Array.Empty<string>() }),
            HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(coChair.PutAsJsonAsync($"/api/working-groups/{Guid.NewGuid()}", new { name = "X", leadAgencyCode = "IOM", memberAgencyCodes = Array.Empty<string>() }),
            HttpStatusCode.NotFound);

        var paper = await secretariat.CreatePaperAsync("Group paper", "IssueBrief", "OHCHR", ["IOM"], group.Id);
        var papers = await secretariat.Http.GetFromJsonAsync<List<PaperSummary>>($"/api/working-groups/{group.Id}/papers", WorkspaceClient.Json);
        Assert.Equal([paper.Id], papers!.Select(p => p.Id));
        var who = await host.HttpFor(WorkspaceHost.FocalPoint("WHO"));
        Assert.Empty((await who.GetFromJsonAsync<List<PaperSummary>>($"/api/working-groups/{group.Id}/papers", WorkspaceClient.Json))!);
    }
}
