using System.Net;
using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Meetings;

public sealed class ActionItemTestsOnSqlite(WorkspaceHost host) : ActionItemTests<WorkspaceHost>(host);

public sealed class ActionItemTestsOnPostgres(PostgresHost host) : ActionItemTests<PostgresHost>(host);

/// <summary>
/// What was promised at a meeting: recorded by those who convene it, changed by the owner agency, seen by the
/// invited agencies only. The fake clock reads 15 June 2026; co-chairs are ILO and UNHCR.
/// </summary>
public abstract class ActionItemTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private async Task<(WorkspaceClient CoChair, Meeting Meeting, AgendaItem Item)> MeetingAsync(string title)
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync(title, "Plenary", host.Clock.GetUtcNow().AddDays(3), 90, "Europe/Vienna", invitedAgencyCodes: ["IOM", "UNICEF"]);
        var item = await ilo.AddAgendaItemAsync(meeting.Id, "Data collection", "IOM");
        return (ilo, meeting, item);
    }

    [Fact]
    public async Task A_co_chair_records_an_item_the_owner_marks_it_done_and_only_invited_agencies_see_it_and_its_events()
    {
        var (ilo, meeting, agendaItem) = await MeetingAsync("Plenary with promises");
        var after = (await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadEventsAsync(0, 1000)).Max(e => e.Seq);

        var response = await ilo.Http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/action-items",
            new { title = "Share the 2025 data on identified victims", ownerAgencyCode = "IOM", dueDate = "2026-06-30", agendaItemId = agendaItem.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ActionItem>(WorkspaceClient.Json))!;
        Assert.Equal($"/api/action-items/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Open", "IOM", new DateOnly(2026, 6, 30), "Data collection", "Plenary with promises", false),
            (created.Status, created.OwnerAgencyCode, created.DueDate, created.AgendaItemTitle, created.MeetingTitle, created.Overdue));
        // The end of 30 June in Vienna.
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), created.DueAt);

        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Contains(await iom.ListNotificationsAsync(), n => n.Kind == "action-item-assigned" && n.Subject.Id == created.Id.ToString());
        var mine = await iom.ListActionItemsAsync(agency: "IOM");
        Assert.True(Assert.Single(mine, i => i.Id == created.Id).MayChange);
        await iom.CommentOnActionItemAsync(created.Id, "Figures from 41 countries so far.");
        var done = await iom.ChangeActionItemStatusAsync(created.Id, "Done");
        Assert.Equal("Done", done.Status);
        Assert.Equal("Figures from 41 countries so far.", Assert.Single(done.Comments).Text);

        var unicef = await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"));
        var seen = (await unicef.ReadEventsAsync(after, 1000)).Where(e => e.Subject.Id == created.Id.ToString()).Select(e => e.Type).ToList();
        Assert.Equal(["action-item.created", "action-item.updated", "action-item.updated"], seen);
        var ohchr = await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        Assert.DoesNotContain(await ohchr.ReadEventsAsync(after, 1000), e => e.Subject.Id == created.Id.ToString());
        Assert.DoesNotContain(await ohchr.ListActionItemsAsync(), i => i.Id == created.Id);
    }

    [Fact]
    public async Task Another_agency_cannot_change_my_agencys_item_and_one_not_invited_is_told_it_does_not_exist()
    {
        var (ilo, meeting, _) = await MeetingAsync("Plenary of owners");
        var item = await ilo.RecordActionItemAsync(meeting.Id, "Draft the brief on online recruitment", "IOM", new DateOnly(2026, 7, 15));
        var unicef = await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"));
        var ohchr = await host.HttpFor(WorkspaceHost.FocalPoint("OHCHR"));

        await ProblemAssert.IsProblem(unicef.PostAsJsonAsync($"/api/action-items/{item.Id}/status", new { status = "Dropped" }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(ohchr.PostAsJsonAsync($"/api/action-items/{item.Id}/status", new { status = "Dropped" }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(ohchr.GetAsync($"/api/action-items/{item.Id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(ohchr.PostAsJsonAsync($"/api/action-items/{item.Id}/comments", new { text = "Seen?" }), HttpStatusCode.NotFound);
        // Invited, but not among those who convene: UNICEF records nothing in the meeting's name.
        await ProblemAssert.IsProblem(unicef.PostAsJsonAsync($"/api/meetings/{meeting.Id}/action-items", new { title = "X", ownerAgencyCode = "IOM", dueDate = "2026-07-01" }), HttpStatusCode.Forbidden);

        Assert.Equal("Open", (await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).ListActionItemsAsync(agency: "IOM")).Single(i => i.Id == item.Id).Status);
        // The secretariat and the co-chair who convened may.
        Assert.Equal("Dropped", (await (await host.ClientFor(WorkspaceHost.Secretariat)).ChangeActionItemStatusAsync(item.Id, "Dropped")).Status);
        Assert.Equal("Open", (await ilo.ChangeActionItemStatusAsync(item.Id, "Open")).Status);
    }

    [Fact]
    public async Task Bad_items_are_refused_with_a_clear_problem_and_nothing_is_recorded()
    {
        var (ilo, meeting, _) = await MeetingAsync("Plenary of refusals");
        var route = $"/api/meetings/{meeting.Id}/action-items";

        var missing = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync(route, new { ownerAgencyCode = "IOM" }), HttpStatusCode.BadRequest);
        Assert.Equal(["dueDate", "title"], ProblemAssert.ErrorFields(missing).Order(StringComparer.Ordinal));
        Assert.Contains("ownerAgencyCode", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync(route,
            new { title = "X", ownerAgencyCode = "NOSUCH", dueDate = "2026-07-01" }), HttpStatusCode.BadRequest)));
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync(route, new { title = "X", ownerAgencyCode = "OHCHR", dueDate = "2026-07-01" }), HttpStatusCode.Conflict, "owner-not-invited");
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync(route, new { title = "X", ownerAgencyCode = "IOM", dueDate = "2026-06-14" }), HttpStatusCode.Conflict, "due-date-passed");
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync(route, new { title = "X", ownerAgencyCode = "IOM", dueDate = "2026-07-01", agendaItemId = Guid.NewGuid() }), HttpStatusCode.Conflict, "unknown-agenda-item");
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync(route, new { title = "X", ownerAgencyCode = "IOM", dueDate = "first of July" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/meetings/{Guid.NewGuid()}/action-items", new { title = "X", ownerAgencyCode = "IOM", dueDate = "2026-07-01" }), HttpStatusCode.NotFound);

        var item = await ilo.RecordActionItemAsync(meeting.Id, "Real one", "UNICEF", new DateOnly(2026, 6, 15));
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/action-items/{item.Id}/status", new { status = "Finished" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/action-items/{item.Id}/comments", new { text = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(["Real one"], (await ilo.ListActionItemsAsync()).Where(i => i.MeetingId == meeting.Id).Select(i => i.Title));
    }
}

/// <summary>Reminders to the owner agency before the due day and once overdue, by the fake clock, in the inbox too.</summary>
public sealed class ActionItemReminderTests(MailHost host) : IClassFixture<MailHost>
{
    [Fact]
    public async Task The_owner_agency_is_reminded_two_days_before_the_due_day_ends_and_once_when_it_is_overdue()
    {
        await host.Smtp.StartAsync();
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var meeting = await ilo.ScheduleMeetingAsync("Plenary of reminders", "Plenary", host.Clock.GetUtcNow().AddDays(1), 60, "Europe/Vienna", invitedAgencyCodes: ["IOM"]);
        var item = await ilo.RecordActionItemAsync(meeting.Id, "Send the country profiles", "IOM", new DateOnly(2026, 6, 20));
        // Signed in afresh after each jump of the clock, as tokens expire by it.
        Task<WorkspaceClient> Iom() => host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        async Task<int> DueNotices() => (await (await Iom()).ListNotificationsAsync()).Count(n => n.Kind == "action-item-due" && n.Subject.Id == item.Id.ToString());

        // Due by the end of 20 June in Vienna (22:00 UTC): reminded from 18 June, 22:00 UTC.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 18, 21, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await host.SweepMeetingsAsync()).ActionItemsReminded);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 18, 22, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, (await host.SweepMeetingsAsync()).ActionItemsReminded);
        Assert.Equal(0, (await host.SweepMeetingsAsync()).ActionItemsReminded);
        Assert.Equal(1, await DueNotices());
        Assert.Empty(await (await Iom()).ListActionItemsAsync(overdue: true));

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 20, 22, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, (await host.SweepMeetingsAsync()).ActionItemsReminded);
        Assert.Equal(0, (await host.SweepMeetingsAsync()).ActionItemsReminded);
        Assert.Equal(2, await DueNotices());
        Assert.True(Assert.Single(await (await Iom()).ListActionItemsAsync(overdue: true)).Overdue);
        Assert.DoesNotContain(await (await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"))).ListNotificationsAsync(), n => n.Subject.Id == item.Id.ToString());

        await host.DeliverMailAsync();
        var mails = host.Smtp.Messages().Where(m => m.To.Mailboxes.Any(a => a.Address == WorkspaceHost.FocalPoint("IOM"))).Select(m => m.Subject).ToList();
        Assert.Contains("Action item for IOM: Send the country profiles", mails);
        Assert.Contains("Due soon: Send the country profiles", mails);
        Assert.Contains("Overdue: Send the country profiles", mails);

        await (await Iom()).ChangeActionItemStatusAsync(item.Id, "Done");
        Assert.Empty(await (await Iom()).ListActionItemsAsync(overdue: true));
    }
}
