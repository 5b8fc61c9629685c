using System.Net;
using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Meetings;

/// <summary>Moves its host's clock, so it has a host of its own.</summary>
public sealed class MeetingTimeTestsOnSqlite(WorkspaceHost host) : MeetingTimeTests<WorkspaceHost>(host);

public sealed class MeetingTimeTestsOnPostgres(PostgresHost host) : MeetingTimeTests<PostgresHost>(host);

public abstract class MeetingTimeTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private async Task<Meeting> MeetingInAsync(TimeSpan from, params string[] invited) =>
        await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).ScheduleMeetingAsync(
            $"Meeting in {from}", "Plenary", host.Clock.GetUtcNow() + from, 60, "Europe/Vienna", invitedAgencyCodes: invited);

    private async Task<int> RemindersOf(string email, Guid meetingId) =>
        (await (await host.ClientFor(email)).ListNotificationsAsync()).Count(n => n.Kind == "meeting-reminder" && n.Subject.Id == meetingId.ToString());

    [Fact]
    public async Task A_day_before_those_who_accepted_or_did_not_answer_are_reminded_once_and_those_who_declined_are_not()
    {
        var meeting = await MeetingInAsync(TimeSpan.FromDays(3), "IOM", "UNHCR", "OHCHR");
        await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).RsvpAsync(meeting.Id, "Accepted");
        await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).RsvpAsync(meeting.Id, "Declined");

        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await host.SweepMeetingsAsync()).Reminded);
        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.True((await host.SweepMeetingsAsync()).Reminded >= 1);
        Assert.Equal(0, (await host.SweepMeetingsAsync()).Reminded);

        Assert.Equal(1, await RemindersOf(WorkspaceHost.FocalPoint("IOM"), meeting.Id));
        Assert.Equal(1, await RemindersOf(WorkspaceHost.FocalPoint("OHCHR"), meeting.Id));
        Assert.Equal(1, await RemindersOf(WorkspaceHost.FocalPoint("ILO"), meeting.Id));
        Assert.Equal(0, await RemindersOf(WorkspaceHost.FocalPoint("UNHCR"), meeting.Id));
    }

    [Fact]
    public async Task A_rescheduled_meeting_is_reminded_again_before_its_new_time()
    {
        var meeting = await MeetingInAsync(TimeSpan.FromHours(20), "IOM");
        Assert.True((await host.SweepMeetingsAsync()).Reminded >= 1);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ilo.RescheduleMeetingAsync(meeting.Id, host.Clock.GetUtcNow().AddDays(4), 60, "Europe/Vienna");

        host.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        await host.SweepMeetingsAsync();
        Assert.Equal(2, await RemindersOf(WorkspaceHost.FocalPoint("IOM"), meeting.Id));
    }

    [Fact]
    public async Task After_a_meeting_its_convener_drafts_the_minutes_which_go_through_sign_off()
    {
        var meeting = await MeetingInAsync(TimeSpan.FromHours(2), "IOM", "UNHCR");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/minutes", new { }), HttpStatusCode.Conflict, "meeting-not-held");

        host.Clock.Advance(TimeSpan.FromHours(3));
        ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/meetings/{meeting.Id}/minutes", new { }), HttpStatusCode.Forbidden);

        var response = await ilo.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/minutes", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var minutes = (await response.Content.ReadFromJsonAsync<Paper>(WorkspaceClient.Json))!;
        Assert.Equal(("Minutes", "ILO", meeting.Id), (minutes.Kind, minutes.LeadAgencyCode, minutes.MeetingId!.Value));
        Assert.Equal(["ILO", "IOM", "UNHCR"], minutes.ParticipatingAgencyCodes);
        Assert.StartsWith("Minutes: ", minutes.Title, StringComparison.Ordinal);
        Assert.Equal(minutes.Id, (await ilo.GetMeetingAsync(meeting.Id)).MinutesPaperId);
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/minutes", new { }), HttpStatusCode.Conflict, "minutes-exist");

        var text = await ilo.AddRevisionAsync(minutes.Id, 0, "# Minutes\n\nThe group adopted its agenda.\n");
        await ilo.OpenRoundAsync(minutes.Id, 1, "Silence", host.Clock.GetUtcNow().AddDays(5));
        var signed = await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).SignOffAsync(minutes.Id, 1, text.ContentHash, "Approve");
        Assert.Equal("InSignOff", signed.PaperState);

        // A meeting that has started can no longer be moved.
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/reschedule",
            new { startsAt = host.Clock.GetUtcNow().AddDays(1), durationMinutes = 60, timeZone = "Europe/Vienna" }), HttpStatusCode.Conflict, "meeting-started");
    }
}

/// <summary>Restarts its host; one test per host.</summary>
public sealed class MeetingRestartTestsOnSqlite(WorkspaceHost host) : MeetingRestartTests<WorkspaceHost>(host);

public sealed class MeetingRestartTestsOnPostgres(PostgresHost host) : MeetingRestartTests<PostgresHost>(host);

public abstract class MeetingRestartTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task A_reminder_that_fell_due_while_the_server_was_down_goes_out_when_it_starts()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync("Across a restart", "Plenary", host.Clock.GetUtcNow().AddHours(30), 60, "Europe/Vienna", invitedAgencyCodes: ["IOM"]);

        host.Clock.Advance(TimeSpan.FromHours(7));
        await host.RestartAsync();

        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Single(await iom.ListNotificationsAsync(), n => n.Kind == "meeting-reminder" && n.Subject.Id == meeting.Id.ToString());
    }
}
