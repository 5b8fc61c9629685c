using System.Net;
using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Meetings;

public sealed class PollTestsOnSqlite(WorkspaceHost host) : PollTests<WorkspaceHost>(host);

public sealed class PollTestsOnPostgres(PostgresHost host) : PollTests<PostgresHost>(host);

/// <summary>
/// Finding a time: a co-chair proposes times in Vienna, invited agencies answer, a time is picked and the meeting
/// exists at that instant. The fake clock reads 15 June 2026; co-chairs are ILO and UNHCR.
/// </summary>
public abstract class PollTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    // 1 July, 15:00 and 2 July, 09:00 in Vienna (UTC+2).
    private static readonly DateTimeOffset First = new(2026, 7, 1, 15, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Second = new(2026, 7, 2, 9, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Deadline = new(2026, 6, 25, 12, 0, 0, TimeSpan.Zero);

    private async Task<(WorkspaceClient CoChair, Poll Poll)> OpenAsync(string title)
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        return (ilo, await ilo.OpenPollAsync(title, "Plenary", "Europe/Vienna", 90, [Second, First], Deadline, invitedAgencyCodes: ["IOM", "UNICEF", "OHCHR"]));
    }

    [Fact]
    public async Task Agencies_answer_and_the_time_picked_schedules_the_meeting_at_that_instant_for_the_polls_invited()
    {
        var after = (await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadEventsAsync(0, 1000)).Max(e => e.Seq);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var response = await ilo.Http.PostAsJsonAsync("/api/polls", new
        {
            title = "Plenary on the annual report",
            kind = "Plenary",
            timeZone = "Europe/Vienna",
            durationMinutes = 90,
            slots = new[] { Second, First },
            invitedAgencyCodes = new[] { "IOM", "UNICEF", "OHCHR" },
            deadline = Deadline,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var poll = (await response.Content.ReadFromJsonAsync<Poll>(WorkspaceClient.Json))!;
        Assert.Equal($"/api/polls/{poll.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Open", (Guid?)null), (poll.Status, poll.MeetingId));
        Assert.Equal([First, Second], poll.Slots.Select(s => s.StartsAt));
        Assert.Equal(["ILO", "IOM", "OHCHR", "UNICEF"], poll.InvitedAgencyCodes);
        Assert.Contains("\"startsAt\":\"2026-07-01T15:00:00+02:00\"", await ilo.Http.GetStringAsync($"/api/polls/{poll.Id}"), StringComparison.Ordinal);
        Assert.Contains(await (await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"))).ListNotificationsAsync(), n => n.Kind == "poll-opened" && n.Subject.Id == poll.Id.ToString());

        var (first, second) = (poll.Slots[0].Id, poll.Slots[1].Id);
        await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).AnswerPollAsync(poll.Id, new Dictionary<Guid, string> { [first] = "Yes", [second] = "No" });
        await (await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"))).AnswerPollAsync(poll.Id, new Dictionary<Guid, string> { [first] = "IfNeedBe", [second] = "Yes" });
        var ohchr = await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        await ohchr.AnswerPollAsync(poll.Id, new Dictionary<Guid, string> { [first] = "No", [second] = "No" });
        // A later answer replaces the person's earlier one.
        var answered = await ohchr.AnswerPollAsync(poll.Id, new Dictionary<Guid, string> { [first] = "Yes" });

        Assert.Equal((2, 1, 0), (answered.Slots[0].Yes, answered.Slots[0].IfNeedBe, answered.Slots[0].No));
        Assert.Equal((1, 0, 2), (answered.Slots[1].Yes, answered.Slots[1].IfNeedBe, answered.Slots[1].No));
        Assert.Equal(["ILO"], answered.SilentAgencyCodes);
        Assert.Contains(answered.Slots[0].Answers, a => a is { AgencyCode: "UNICEF", Answer: "IfNeedBe" } && a.Email == WorkspaceHost.FocalPoint("UNICEF"));

        var picked = await ilo.PickPollSlotAsync(poll.Id, first);

        Assert.Equal(("Closed", first), (picked.Status, picked.PickedSlotId));
        var meeting = await ilo.GetMeetingAsync(picked.MeetingId!.Value);
        Assert.Equal((First, "Europe/Vienna", 90, "Plenary on the annual report"), (meeting.StartsAt, meeting.TimeZone, meeting.DurationMinutes, meeting.Title));
        Assert.Equal(poll.InvitedAgencyCodes, meeting.InvitedAgencyCodes);
        Assert.Contains(await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).ListNotificationsAsync(), n => n.Kind == "meeting-scheduled" && n.Subject.Id == meeting.Id.ToString());
        var types = (await (await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"))).ReadEventsAsync(after, 1000))
            .Where(e => e.Subject.Id == poll.Id.ToString() || e.Subject.Id == meeting.Id.ToString()).Select(e => e.Type).ToList();
        Assert.Equal(["poll.opened", "poll.answered", "poll.answered", "poll.answered", "poll.answered", "meeting.scheduled", "poll.closed"], types);

        await ProblemAssert.IsProblem(ohchr.Http.PutAsJsonAsync($"/api/polls/{poll.Id}/answers", new { answers = new[] { new { slotId = second, answer = "Yes" } } }), HttpStatusCode.Conflict, "poll-closed");
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/polls/{poll.Id}/pick", new { slotId = second }), HttpStatusCode.Conflict, "poll-closed");
    }

    [Fact]
    public async Task Only_invited_agencies_answer_only_conveners_pick_and_anyone_else_is_told_it_does_not_exist()
    {
        var (_, poll) = await OpenAsync("Plenary of access");
        var slot = poll.Slots[0].Id;
        var who = await host.HttpFor(WorkspaceHost.FocalPoint("WHO"));
        var unicef = await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"));

        await ProblemAssert.IsProblem(who.GetAsync($"/api/polls/{poll.Id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(who.PutAsJsonAsync($"/api/polls/{poll.Id}/answers", new { answers = new[] { new { slotId = slot, answer = "Yes" } } }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(unicef.PostAsJsonAsync($"/api/polls/{poll.Id}/pick", new { slotId = slot }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(unicef.PostAsJsonAsync("/api/polls", new { title = "X", kind = "Plenary", timeZone = "UTC", durationMinutes = 60, slots = new[] { First }, deadline = Deadline }),
            HttpStatusCode.Forbidden);
        // The secretariat sees every poll, but answers only where its agency is invited.
        await ProblemAssert.IsProblem((await host.HttpFor(WorkspaceHost.Secretariat)).PutAsJsonAsync($"/api/polls/{poll.Id}/answers",
            new { answers = new[] { new { slotId = slot, answer = "Yes" } } }), HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await who.GetFromJsonAsync<List<Poll>>("/api/polls", WorkspaceClient.Json) ?? [], p => p.Id == poll.Id);

        var unchanged = await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).GetPollAsync(poll.Id);
        Assert.Equal(("Open", 0), (unchanged.Status, unchanged.Slots.Sum(s => s.Answers.Count)));
    }

    [Fact]
    public async Task Bad_polls_and_answers_are_refused_with_a_clear_problem_and_change_nothing()
    {
        var ilo = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        object Poll(object slots, object deadline, string zone = "Europe/Vienna") =>
            new { title = "Refused", kind = "Plenary", timeZone = zone, durationMinutes = 60, slots, deadline };

        Assert.Contains("slots", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(ilo.PostAsJsonAsync("/api/polls", Poll(Array.Empty<DateTimeOffset>(), Deadline)), HttpStatusCode.BadRequest)));
        Assert.Contains("slots", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(ilo.PostAsJsonAsync("/api/polls",
            Poll(new[] { new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero) }, Deadline)), HttpStatusCode.BadRequest)));
        Assert.Contains("deadline", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(ilo.PostAsJsonAsync("/api/polls",
            Poll(new[] { First }, First.AddDays(1))), HttpStatusCode.BadRequest)));
        Assert.Contains("timeZone", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(ilo.PostAsJsonAsync("/api/polls", Poll(new[] { First }, Deadline, "Vienna")), HttpStatusCode.BadRequest)));

        var (_, poll) = await OpenAsync("Plenary of bad answers");
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        var route = $"/api/polls/{poll.Id}/answers";
        await ProblemAssert.IsProblem(iom.PutAsJsonAsync(route, new { answers = new[] { new { slotId = poll.Slots[0].Id, answer = "Maybe" } } }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(iom.PutAsJsonAsync(route, new { answers = Array.Empty<object>() }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(iom.PutAsJsonAsync(route, new { answers = new[] { new { slotId = Guid.NewGuid(), answer = "Yes" } } }), HttpStatusCode.Conflict, "unknown-slot");
        await ProblemAssert.IsProblem(ilo.PostAsJsonAsync($"/api/polls/{poll.Id}/pick", new { slotId = Guid.NewGuid() }), HttpStatusCode.Conflict, "unknown-slot");

        var after = await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).GetPollAsync(poll.Id);
        Assert.Equal(("Open", 0), (after.Status, after.Slots.Sum(s => s.Answers.Count)));
        Assert.DoesNotContain((await (await host.ClientFor(WorkspaceHost.Secretariat)).ListMeetingsAsync()), m => m.Title == "Refused");
    }
}

/// <summary>By the fake clock: agencies that have not answered are reminded before the deadline, then answers close; the times reach each reader in their zone.</summary>
public sealed class PollDeadlineTests(MailHost host) : IClassFixture<MailHost>
{
    [Fact]
    public async Task Each_focal_point_reads_the_times_in_their_own_zone_silent_agencies_are_reminded_and_answers_close_at_the_deadline()
    {
        await host.Smtp.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await host.HttpFor(WorkspaceHost.FocalPoint("IOM"))).PutAsJsonAsync("/api/me/settings", new { timeZone = "America/New_York", language = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"))).PutAsJsonAsync("/api/me/settings", new { timeZone = "Asia/Bangkok", language = "fr" })).StatusCode);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        // 07:00 in Vienna is 01:00 in New York; 15:00 in Vienna is 20:00 in Bangkok.
        var poll = await ilo.OpenPollAsync("Call across three zones", "Plenary", "Europe/Vienna", 60,
            [new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 7, 1, 15, 0, 0, TimeSpan.FromHours(2))],
            new DateTimeOffset(2026, 6, 20, 12, 0, 0, TimeSpan.Zero), invitedAgencyCodes: ["IOM", "UNICEF"]);
        await host.DeliverMailAsync();

        var newYork = Assert.Single(host.Smtp.To(WorkspaceHost.FocalPoint("IOM"), "Call across three zones"));
        Assert.Equal("When can you meet? Call across three zones", newYork.Subject);
        Assert.Contains("- Wed 1 Jul, 01:00 (New York) (early), Wed 1 Jul, 07:00 (Vienna)", newYork.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Wed 1 Jul, 09:00 (New York), Wed 1 Jul, 15:00 (Vienna)", newYork.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{host.BaseAddress}polls/{poll.Id}", newYork.TextBody, StringComparison.Ordinal);
        var bangkok = Assert.Single(host.Smtp.To(WorkspaceHost.FocalPoint("UNICEF"), "Call across three zones"));
        Assert.Contains("20:00 (Bangkok) (tard)", bangkok.TextBody, StringComparison.Ordinal);

        await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).AnswerPollAsync(poll.Id, new Dictionary<Guid, string> { [poll.Slots[1].Id] = "Yes" });
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 19, 11, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await host.SweepMeetingsAsync()).PollsReminded);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 19, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, (await host.SweepMeetingsAsync()).PollsReminded);
        Assert.Equal(0, (await host.SweepMeetingsAsync()).PollsReminded);
        Assert.Contains(await (await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"))).ListNotificationsAsync(), n => n.Kind == "poll-reminder" && n.Subject.Id == poll.Id.ToString());
        Assert.DoesNotContain(await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).ListNotificationsAsync(), n => n.Kind == "poll-reminder");
        await host.DeliverMailAsync();
        Assert.Single(host.Smtp.To(WorkspaceHost.FocalPoint("UNICEF"), "Rappel\u00a0: quand pouvez-vous vous réunir\u00a0? Call across three zones"));

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 20, 12, 0, 0, TimeSpan.Zero));
        await ProblemAssert.IsProblem((await host.HttpFor(WorkspaceHost.FocalPoint("UNICEF"))).PutAsJsonAsync($"/api/polls/{poll.Id}/answers",
            new { answers = new[] { new { slotId = poll.Slots[1].Id, answer = "Yes" } } }), HttpStatusCode.Conflict, "poll-deadline-passed");
        var picked = await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).PickPollSlotAsync(poll.Id, poll.Slots[1].Id);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 13, 0, 0, TimeSpan.Zero), (await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).GetMeetingAsync(picked.MeetingId!.Value)).StartsAt);
    }
}
