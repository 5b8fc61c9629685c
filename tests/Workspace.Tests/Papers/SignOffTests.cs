using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Papers;

public sealed class SignOffTestsOnSqlite(WorkspaceHost host) : SignOffTests<WorkspaceHost>(host);

public sealed class SignOffTestsOnPostgres(PostgresHost host) : SignOffTests<PostgresHost>(host);

public abstract class SignOffTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public async Task Unanimous_the_paper_is_signed_off_when_every_participating_agency_approved()
    {
        var (paper, revision) = await DraftAsync(host, "Unanimous statement");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var deadline = host.Clock.GetUtcNow() + Week;
        var opened = await ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds", new { revision = 1, procedure = "Unanimous", deadline });

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var round = (await opened.Content.ReadFromJsonAsync<Round>(WorkspaceClient.Json))!;
        Assert.Equal((1, 1, revision.ContentHash, "Unanimous", "Open"), (round.Number, round.Revision, round.ContentHash, round.Procedure, round.Status));
        Assert.Equal(deadline, round.Deadline);
        Assert.All(round.Agencies, a => Assert.Equal("Pending", a.Status));
        Assert.Equal("InSignOff", (await ilo.GetPaperAsync(paper.Id)).State);

        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM");
        Assert.Equal("InSignOff", (await ilo.GetPaperAsync(paper.Id)).State);
        var last = await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).SignOffAsync(paper.Id, 1, revision.ContentHash, "Approve");

        Assert.Equal(("Completed", "SignedOff"), (last.RoundStatus, last.PaperState));
        var signedOff = await ilo.GetPaperAsync(paper.Id);
        Assert.Equal("SignedOff", signedOff.State);
        Assert.All(signedOff.Round!.Agencies, a => Assert.Equal("Approved", a.Status));
        Assert.Equal(new Workspace.Client.ClosingReason("Completed", null, null), signedOff.Round.ClosingReason);
        Assert.Equal(WorkspaceHost.FocalPoint("UNHCR"), signedOff.Round.Agencies.Single(a => a.AgencyCode == "UNHCR").By);

        var types = (await ilo.ReadEventsAsync(0, 1000)).Where(e => e.Subject.Id == paper.Id.ToString()).Select(e => e.Type).ToList();
        Assert.Equal(["paper.created", "paper.revision-added", "paper.round-opened", "paper.state-changed", "paper.sign-off-recorded",
            "paper.sign-off-recorded", "paper.sign-off-recorded", "paper.round-closed", "paper.state-changed"], types);
    }

    [Fact]
    public async Task Opening_a_round_is_for_the_lead_or_the_secretariat_on_the_latest_revision_with_a_future_deadline()
    {
        var (paper, _) = await DraftAsync(host, "Round rules");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ilo.AddRevisionAsync(paper.Id, 1, "second text");
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        var future = host.Clock.GetUtcNow() + Week;

        await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds", new { revision = 2, procedure = "Unanimous", deadline = future }),
            HttpStatusCode.Forbidden);
        var stale = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds", new { revision = 1, procedure = "Unanimous", deadline = future }),
            HttpStatusCode.Conflict, "stale-revision");
        Assert.Equal(2, stale.GetProperty("currentRevision").GetInt32());
        var past = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds",
            new { revision = 2, procedure = "Unanimous", deadline = host.Clock.GetUtcNow().AddMinutes(-1) }), HttpStatusCode.BadRequest);
        Assert.Contains("deadline", ProblemAssert.ErrorFields(past));
        var farAway = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds",
            new { revision = 2, procedure = "Unanimous", deadline = "9999-12-31T23:59:59Z" }), HttpStatusCode.BadRequest);
        Assert.Contains("deadline", ProblemAssert.ErrorFields(farAway));
        var unknown = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds",
            new { revision = 2, procedure = "ByAcclamation", deadline = future }), HttpStatusCode.BadRequest);
        Assert.Contains("procedure", ProblemAssert.ErrorFields(unknown));
        Assert.Equal("Drafting", (await ilo.GetPaperAsync(paper.Id)).State);

        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.OpenRoundAsync(paper.Id, 2, "Silence", future);
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds", new { revision = 2, procedure = "Silence", deadline = future }),
            HttpStatusCode.Conflict, "wrong-state");
    }

    [Fact]
    public async Task A_paper_without_a_revision_cannot_go_to_sign_off()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Empty", "IssueBrief", "ILO", ["IOM"]);
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds",
            new { revision = 1, procedure = "Silence", deadline = host.Clock.GetUtcNow() + Week }), HttpStatusCode.Conflict, "unknown-revision");
    }

    [Fact]
    public async Task A_sign_off_names_the_rounds_exact_revision_and_hash()
    {
        var (paper, revision) = await InSignOffAsync(host, "Hash-bound statement", "Unanimous", Week);
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));

        var wrongHash = await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 1, contentHash = Sha("some other text"), decision = "Approve" }), HttpStatusCode.Conflict, "stale-sign-off");
        Assert.Equal(revision.ContentHash, wrongHash.GetProperty("roundContentHash").GetString());
        await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 2, contentHash = revision.ContentHash, decision = "Approve" }), HttpStatusCode.Conflict, "stale-sign-off");
        var malformed = await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 1, contentHash = "md5:abc", decision = "Approve" }), HttpStatusCode.BadRequest);
        Assert.Contains("contentHash", ProblemAssert.ErrorFields(malformed));

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        Assert.All((await ilo.GetPaperAsync(paper.Id)).Round!.Agencies, a => Assert.Equal("Pending", a.Status));
    }

    [Fact]
    public async Task A_focal_point_signs_for_their_own_agency_only()
    {
        var (paper, revision) = await InSignOffAsync(host, "Own-agency statement", "Unanimous", Week);
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));

        await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 1, contentHash = revision.ContentHash, decision = "Approve", agencyCode = "UNHCR" }), HttpStatusCode.Forbidden);
        var explicitOwn = await iom.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 1, contentHash = revision.ContentHash, decision = "Approve", agencyCode = "IOM" });
        Assert.Equal(HttpStatusCode.Created, explicitOwn.StatusCode);

        var who = await host.HttpFor(WorkspaceHost.FocalPoint("WHO"));
        await ProblemAssert.IsProblem(who.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 1, contentHash = revision.ContentHash, decision = "Approve" }), HttpStatusCode.NotFound);
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 1, contentHash = revision.ContentHash, decision = "Approve" }), HttpStatusCode.Forbidden);

        var agencies = (await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).GetPaperAsync(paper.Id)).Round!.Agencies;
        Assert.Equal(["Pending", "Approved", "Pending"], agencies.Select(a => a.Status));
    }

    [Fact]
    public async Task An_objection_without_a_reason_is_400_and_records_nothing()
    {
        var (paper, revision) = await InSignOffAsync(host, "Objection rules", "Silence", Week);
        var unhcr = await host.HttpFor(WorkspaceHost.FocalPoint("UNHCR"));
        var problem = await ProblemAssert.IsProblem(unhcr.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 1, contentHash = revision.ContentHash, decision = "Object" }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["comment"], ProblemAssert.ErrorFields(problem));
        await ProblemAssert.IsProblem(unhcr.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 1, contentHash = revision.ContentHash, decision = "Object", comment = "   " }), HttpStatusCode.BadRequest);

        var paperNow = await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).GetPaperAsync(paper.Id);
        Assert.Equal("InSignOff", paperNow.State);
        Assert.Equal("Open", paperNow.Round!.Status);
        Assert.Null(paperNow.Round.ClosingReason);
    }

    [Fact]
    public async Task Silence_an_objection_breaks_silence_and_returns_the_paper_to_drafting()
    {
        var (paper, revision) = await InSignOffAsync(host, "Silence statement", "Silence", Week);
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var objection = await unhcr.SignOffAsync(paper.Id, 1, revision.ContentHash, "Object", "Paragraph 3 misstates the law on non-refoulement.");

        Assert.Equal(("Broken", "Drafting"), (objection.RoundStatus, objection.PaperState));
        var broken = await unhcr.GetPaperAsync(paper.Id);
        Assert.Equal("Drafting", broken.State);
        var unhcrRow = broken.Round!.Agencies.Single(a => a.AgencyCode == "UNHCR");
        Assert.Equal(("Objected", "Paragraph 3 misstates the law on non-refoulement."), (unhcrRow.Status, unhcrRow.Comment));
        Assert.Equal(new Workspace.Client.ClosingReason("SilenceBroken", "UNHCR", null), broken.Round.ClosingReason);

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var notice = (await ilo.ListNotificationsAsync()).First(n => n.Subject.Id == paper.Id.ToString());
        Assert.Equal("round-broken", notice.Kind);
        Assert.Contains("UNHCR", notice.Text);

        // The lead revises and tries again: a new round on the new revision.
        var second = await ilo.AddRevisionAsync(paper.Id, 1, "# Silence statement\n\nRevised paragraph 3.\n");
        var round2 = await ilo.OpenRoundAsync(paper.Id, second.Number, "Silence", host.Clock.GetUtcNow() + Week);
        Assert.Equal(2, round2.Number);
        Assert.Equal(second.ContentHash, round2.ContentHash);
    }

    [Fact]
    public async Task A_decision_can_change_while_the_round_is_open_and_the_history_is_kept()
    {
        var (paper, revision) = await InSignOffAsync(host, "Changing minds", "Unanimous", Week);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await iom.SignOffAsync(paper.Id, 1, revision.ContentHash, "Object", "Needs a reference to the Global Compact.");
        Assert.Equal("InSignOff", (await iom.GetPaperAsync(paper.Id)).State);
        await iom.SignOffAsync(paper.Id, 1, revision.ContentHash, "Approve", "Fine after the lead's explanation.");

        var row = (await iom.GetPaperAsync(paper.Id)).Round!.Agencies.Single(a => a.AgencyCode == "IOM");
        Assert.Equal(("Approved", "Fine after the lead's explanation."), (row.Status, row.Comment));
        var recorded = (await iom.ReadEventsAsync(0, 1000))
            .Where(e => e.Type == "paper.sign-off-recorded" && e.Subject.Id == paper.Id.ToString())
            .Select(e => e.Data.GetProperty("decision").GetString()).ToList();
        Assert.Equal(["Object", "Approve"], recorded);
    }

    [Fact]
    public async Task A_new_revision_during_sign_off_cancels_the_round_and_tells_the_agencies_that_had_signed()
    {
        var (paper, revision) = await InSignOffAsync(host, "Interrupted statement", "Unanimous", Week);
        await ApproveAsync(host, paper.Id, revision, "IOM");
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var second = await unhcr.AddRevisionAsync(paper.Id, 1, "UNHCR's late change");

        var now = await unhcr.GetPaperAsync(paper.Id);
        Assert.Equal("Drafting", now.State);
        Assert.Equal("Cancelled", now.Round!.Status);
        Assert.Equal(new Workspace.Client.ClosingReason("Cancelled", "UNHCR", 2), now.Round.ClosingReason);
        Assert.Equal(2, second.Number);
        await ProblemAssert.IsProblem(unhcr.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = 1, contentHash = revision.ContentHash, decision = "Approve" }), HttpStatusCode.Conflict, "wrong-state");

        var iomNotices = await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).ListNotificationsAsync();
        Assert.Contains(iomNotices, n => n.Kind == "round-cancelled" && n.Subject.Id == paper.Id.ToString());
        Assert.DoesNotContain(await unhcr.ListNotificationsAsync(), n => n.Kind == "round-cancelled" && n.Subject.Id == paper.Id.ToString());
    }

    [Fact]
    public async Task A_round_opened_notifies_every_participating_agencys_people_and_nobody_else()
    {
        var (paper, _) = await InSignOffAsync(host, "Notified statement", "Silence", Week);
        foreach (var agency in new[] { "ILO", "IOM", "UNHCR" })
        {
            var notices = await (await host.ClientFor(WorkspaceHost.FocalPoint(agency))).ListNotificationsAsync(unreadOnly: true);
            var notice = Assert.Single(notices, n => n.Subject.Id == paper.Id.ToString() && n.Kind == "round-opened");
            Assert.Contains("Notified statement", notice.Text);
            Assert.False(notice.Read);
        }

        Assert.DoesNotContain(await (await host.ClientFor(WorkspaceHost.FocalPoint("WHO"))).ListNotificationsAsync(), n => n.Subject.Id == paper.Id.ToString());
    }

    [Fact]
    public async Task What_an_agency_answered_leaves_New_for_all_its_people_and_an_ended_rounds_requests_leave_it_for_everyone()
    {
        var (paper, revision) = await InSignOffAsync(host, "Statement whose requests get answered", "Unanimous", Week);
        async Task<bool?> AskedIsNew(string agency) =>
            (await (await host.ClientFor(WorkspaceHost.FocalPoint(agency))).ListNotificationsAsync())
                .SingleOrDefault(n => n.Kind == "round-opened" && n.Subject.Id == paper.Id.ToString()) is { } asked ? !asked.Read : null;
        Assert.Equal((true, true), (await AskedIsNew("IOM"), await AskedIsNew("UNHCR")));

        await ApproveAsync(host, paper.Id, revision, "IOM");
        Assert.Equal((false, true), (await AskedIsNew("IOM"), await AskedIsNew("UNHCR")));

        // A new revision cancels the round: nobody is asked any more.
        await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).AddRevisionAsync(paper.Id, revision.Number, "# Answered\n\nA second text.\n");
        Assert.Equal(false, await AskedIsNew("UNHCR"));

        // An answer to a meeting answers its invitation.
        var meeting = await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).ScheduleMeetingAsync("Meeting answered", "Plenary",
            host.Clock.GetUtcNow().AddDays(10), 60, "Europe/Vienna", invitedAgencyCodes: ["IOM"]);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.False(Assert.Single(await iom.ListNotificationsAsync(), n => n.Subject.Id == meeting.Id.ToString()).Read);
        await iom.RsvpAsync(meeting.Id, "Accepted");
        Assert.True(Assert.Single(await iom.ListNotificationsAsync(), n => n.Subject.Id == meeting.Id.ToString()).Read);
    }

    [Fact]
    public async Task A_notification_is_marked_read_by_its_owner_only()
    {
        var (paper, _) = await InSignOffAsync(host, "Read receipts", "Silence", Week);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var notice = (await iom.ListNotificationsAsync()).First(n => n.Subject.Id == paper.Id.ToString());

        var who = await host.HttpFor(WorkspaceHost.FocalPoint("UNHCR"));
        await ProblemAssert.IsProblem(who.PostAsync($"/api/me/notifications/{notice.Id}/read", null), HttpStatusCode.NotFound);
        var read = await iom.Http.PostAsync($"/api/me/notifications/{notice.Id}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True((await read.Content.ReadFromJsonAsync<Notification>(WorkspaceClient.Json))!.Read);
        Assert.DoesNotContain(await iom.ListNotificationsAsync(unreadOnly: true), n => n.Id == notice.Id);
    }

    [Fact]
    public async Task Marking_all_read_reads_every_notification_of_the_caller_and_no_one_elses()
    {
        await InSignOffAsync(host, "Read all at once", "Unanimous", Week);
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var unread = (await unhcr.ListNotificationsAsync(unreadOnly: true)).Count;
        var othersUnread = (await iom.ListNotificationsAsync(unreadOnly: true)).Count;
        Assert.True(unread > 1 && othersUnread > 0, $"{unread}, {othersUnread}");

        Assert.Equal(unread, await unhcr.MarkAllNotificationsReadAsync());

        Assert.Empty(await unhcr.ListNotificationsAsync(unreadOnly: true));
        Assert.All(await unhcr.ListNotificationsAsync(), n => Assert.True(n.Read));
        Assert.Equal(othersUnread, (await iom.ListNotificationsAsync(unreadOnly: true)).Count);
        Assert.Equal(0, await unhcr.MarkAllNotificationsReadAsync());
    }

    [Fact]
    public async Task The_board_shows_every_paper_to_the_secretariat_and_each_agency_its_own()
    {
        var (paper, revision) = await InSignOffAsync(host, "Board statement", "Unanimous", Week);
        await ApproveAsync(host, paper.Id, revision, "IOM");

        var board = await (await host.HttpFor(WorkspaceHost.Secretariat)).GetFromJsonAsync<List<JsonElement>>("/api/sign-off-status");
        var row = board!.Single(r => r.GetProperty("paperId").GetGuid() == paper.Id);
        Assert.Equal("InSignOff", row.GetProperty("state").GetString());
        var agencies = row.GetProperty("round").GetProperty("agencies").EnumerateArray()
            .ToDictionary(a => a.GetProperty("agencyCode").GetString()!, a => a.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["ILO"] = "Pending", ["IOM"] = "Approved", ["UNHCR"] = "Pending" }, agencies);
        Assert.False(row.GetProperty("round").GetProperty("overdue").GetBoolean());

        var who = await (await host.HttpFor(WorkspaceHost.FocalPoint("WHO"))).GetFromJsonAsync<List<JsonElement>>("/api/sign-off-status");
        Assert.DoesNotContain(who!, r => r.GetProperty("paperId").GetGuid() == paper.Id);
        var iom = await (await host.HttpFor(WorkspaceHost.FocalPoint("IOM"))).GetFromJsonAsync<List<JsonElement>>("/api/sign-off-status");
        Assert.Contains(iom!, r => r.GetProperty("paperId").GetGuid() == paper.Id);
    }
}
