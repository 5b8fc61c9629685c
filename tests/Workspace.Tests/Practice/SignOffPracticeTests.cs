using System.Net;
using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Practice;

public sealed class SignOffPracticeTestsOnSqlite(WorkspaceHost host) : SignOffPracticeTests<WorkspaceHost>(host);

public sealed class SignOffPracticeTestsOnPostgres(PostgresHost host) : SignOffPracticeTests<PostgresHost>(host);

/// <summary>
/// How agencies really clear a text: rules per kind of paper, clearance inside an agency, alternates. Each test
/// uses its own kind of paper, because a rule holds for the whole group. The fake clock reads 15 June 2026.
/// </summary>
public abstract class SignOffPracticeTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private static string Sha(string body) => Papers.PaperScenario.Sha(body);

    private async Task<WorkspaceClient> PersonAsync(string agency, string email, string name)
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        if (!(await secretariat.GetAgencyAsync(agency)).FocalPoints.Any(f => f.Email == email))
        {
            await secretariat.RegisterFocalPointAsync(agency, email, name, WorkspaceHost.Password);
        }

        return await host.ClientFor(email);
    }

    [Fact]
    public async Task A_Heads_statement_under_the_all_members_rule_asks_every_member_and_a_later_change_of_rule_leaves_the_open_round_alone()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var rule = await secretariat.ChangeSignOffRuleAsync("JointStatement", "AllMembers", "Silence", TimeSpan.FromDays(2), clearanceRequired: false);
        Assert.Equal(("AllMembers", "Silence", TimeSpan.FromDays(2)), (rule.Signers, rule.Procedure, rule.MinimumNotice));
        var members = (await secretariat.ListAgenciesAsync()).Select(a => a.Code).Order(StringComparer.Ordinal).ToList();
        Assert.True(members.Count >= 20);

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Heads' statement on the World Day", "JointStatement", "ILO", ["IOM"]);
        Assert.Equal(members, paper.ParticipatingAgencyCodes);
        var body = "# Heads' statement\n\nWe, the Heads, call on States to act.\n";
        await ilo.AddRevisionAsync(paper.Id, 0, body);

        // The rule's notice: a deadline a day away is too close; the procedure defaults to the rule's.
        var tooSoon = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds",
            new { revision = 1, deadline = host.Clock.GetUtcNow().AddDays(1) }), HttpStatusCode.BadRequest);
        Assert.Contains("2 days", tooSoon.GetProperty("errors").GetProperty("deadline")[0].GetString(), StringComparison.Ordinal);
        var opened = await ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds", new { revision = 1, deadline = host.Clock.GetUtcNow().AddDays(3) });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var round = (await opened.Content.ReadFromJsonAsync<Round>(WorkspaceClient.Json))!;
        Assert.Equal(("Silence", "AllMembers"), (round.Procedure, round.Signers));
        Assert.Equal(members, round.Agencies.Select(a => a.AgencyCode));

        await secretariat.ChangeSignOffRuleAsync("JointStatement", "Participants", "Unanimous", TimeSpan.Zero, clearanceRequired: false);
        var after = (await ilo.GetPaperAsync(paper.Id)).Round!;
        Assert.Equal(("Silence", "AllMembers", members.Count), (after.Procedure, after.Signers, after.Agencies.Count));
        Assert.Contains(await secretariat.ListSignOffRulesAsync(), r => r.PaperKind == "JointStatement" && r.Signers == "Participants" && r.ChangedBy == WorkspaceHost.Secretariat);
    }

    [Fact]
    public async Task An_issue_brief_under_the_working_group_rule_names_its_group_and_is_signed_by_the_groups_members()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.ChangeSignOffRuleAsync("IssueBrief", "WorkingGroup", "Unanimous", TimeSpan.Zero, clearanceRequired: false);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));

        var problem = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync("/api/papers",
            new { title = "Brief without a group", kind = "IssueBrief", leadAgencyCode = "ILO", participatingAgencyCodes = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        Assert.Contains("workingGroupId", ProblemAssert.ErrorFields(problem));

        var group = await secretariat.CreateWorkingGroupAsync("Working group on data", "IOM", ["ILO", "UNICEF"]);
        var paper = await ilo.CreatePaperAsync("Brief on data", "IssueBrief", "ILO", [], group.Id);
        Assert.Equal(["ILO", "IOM", "UNICEF"], paper.ParticipatingAgencyCodes);
    }

    [Fact]
    public async Task A_clearance_chain_of_three_steps_where_legal_sends_back_and_then_approves()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.ChangeSignOffRuleAsync("Submission", "Participants", "Unanimous", TimeSpan.Zero, clearanceRequired: true);
        var legal = await PersonAsync("UNHCR", "legal@unhcr.demo", "Lea Legal");
        var head = await PersonAsync("UNHCR", "head@unhcr.demo", "Hugo Head");
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var chain = await unhcr.ChangeClearanceChainAsync("UNHCR",
        [
            new("Focal point", [WorkspaceHost.FocalPoint("UNHCR")]),
            new("Legal", ["legal@unhcr.demo"]),
            new("Head of office", ["head@unhcr.demo"]),
        ]);
        Assert.Equal(["Focal point", "Legal", "Head of office"], chain.Steps.Select(s => s.Name));

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Submission to the Human Rights Council", "Submission", "ILO", ["UNHCR", "IOM"]);
        var body = "# Submission\n\nThe group submits the following.\n";
        await ilo.AddRevisionAsync(paper.Id, 0, body);
        var round = await ilo.OpenRoundAsync(paper.Id, 1, "Unanimous", host.Clock.GetUtcNow().AddDays(5));
        Assert.True(round.ClearanceRequired);
        var hash = Sha(body);
        var seqBefore = (await secretariat.ReadEventsAsync(0, 1000)).Max(e => e.Seq);

        // The step holders are told it is their turn; the agency's own Approve waits for its clearance.
        Assert.Contains(await unhcr.ListNotificationsAsync(), n => n.Kind == "clearance-requested" && n.Subject.Id == paper.Id.ToString());
        Assert.DoesNotContain(await legal.ListNotificationsAsync(), n => n.Kind == "clearance-requested" && n.Subject.Id == paper.Id.ToString());
        await ProblemAssert.IsProblem(unhcr.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs", new { revision = 1, contentHash = hash, decision = "Approve" }),
            HttpStatusCode.Conflict, "clearance-incomplete");
        await ProblemAssert.IsProblem(legal.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/clearances", new { revision = 1, contentHash = hash, step = "Legal", decision = "Approve" }),
            HttpStatusCode.Conflict, "clearance-out-of-order");
        await ProblemAssert.IsProblem(head.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/clearances", new { revision = 1, contentHash = hash, step = "Focal point", decision = "Approve" }),
            HttpStatusCode.Forbidden);
        var noReason = await ProblemAssert.IsProblem(legal.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/clearances",
            new { revision = 1, contentHash = hash, step = "Legal", decision = "SendBack" }), HttpStatusCode.BadRequest);
        Assert.Contains("comment", ProblemAssert.ErrorFields(noReason));

        var first = await unhcr.ClearAsync(paper.Id, 1, hash, "Focal point", "Approve");
        Assert.Equal(("InClearance", "Legal"), (first.Status, first.WaitingFor));
        Assert.Contains(await legal.ListNotificationsAsync(), n => n.Kind == "clearance-requested" && n.Subject.Id == paper.Id.ToString());
        var sentBack = await legal.ClearAsync(paper.Id, 1, hash, "Legal", "SendBack", "Paragraph 3 needs the Office's standard wording on non-refoulement.");
        Assert.Equal("Focal point", sentBack.WaitingFor);
        Assert.Contains(await unhcr.ListNotificationsAsync(), n => n.Kind == "clearance-sent-back" && n.Text.Contains("non-refoulement", StringComparison.Ordinal));

        await unhcr.ClearAsync(paper.Id, 1, hash, "Focal point", "Approve", "Wording agreed with Legal by phone.");
        await legal.ClearAsync(paper.Id, 1, hash, "Legal", "Approve");
        var other = (await ilo.GetPaperAsync(paper.Id)).Round!.Agencies.Single(a => a.AgencyCode == "UNHCR");
        Assert.Equal("InClearance", other.Status);
        var cleared = await head.ClearAsync(paper.Id, 1, hash, "Head of office", "Approve");
        Assert.Equal(("Approved", (string?)null), (cleared.Status, cleared.WaitingFor));
        Assert.Equal(["Approve", "SendBack", "Approve", "Approve", "Approve"], cleared.History.Select(h => h.Decision));
        Assert.Equal("Paragraph 3 needs the Office's standard wording on non-refoulement.", cleared.History[1].Comment);

        // Another agency sees UNHCR approved, by its head of office, and nothing of how.
        var approved = (await ilo.GetPaperAsync(paper.Id)).Round!.Agencies.Single(a => a.AgencyCode == "UNHCR");
        Assert.Equal(("Approved", "head@unhcr.demo"), (approved.Status, approved.By));
        var ilosClearance = await ilo.GetClearanceAsync(paper.Id);
        Assert.Equal(("ILO", false), (ilosClearance.AgencyCode, ilosClearance.Required));
        foreach (var outsider in new[] { ilo, secretariat, await host.ClientFor(WorkspaceHost.FocalPoint("IOM")) })
        {
            var seen = await outsider.ReadEventsAsync(seqBefore, 1000);
            Assert.DoesNotContain(seen, e => e.Type.StartsWith("paper.clearance-", StringComparison.Ordinal));
            Assert.DoesNotContain(seen, e => e.Data.ToString().Contains("non-refoulement", StringComparison.Ordinal));
        }

        var own = await unhcr.ReadEventsAsync(seqBefore, 1000);
        Assert.Equal(5, own.Count(e => e.Type == "paper.clearance-recorded"));
        Assert.Contains(own, e => e.Type == "paper.clearance-requested");
        Assert.Contains(own, e => e.Type == "paper.agency-status-changed");

        await Papers.PaperScenario.ApproveAsync(host, paper.Id, new RevisionSummary(1, hash, WorkspaceHost.FocalPoint("ILO"), host.Clock.GetUtcNow()), "IOM", "ILO");
        Assert.Equal("SignedOff", (await ilo.GetPaperAsync(paper.Id)).State);
    }

    [Fact]
    public async Task An_alternate_signs_and_the_record_names_both_until_the_period_ends()
    {
        var deputy = await PersonAsync("IOM", "deputy@iom.demo", "Dana Deputy");
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var now = host.Clock.GetUtcNow();
        var named = await iom.NameAlternateAsync("deputy@iom.demo", now, now.AddDays(3));
        Assert.Equal(("deputy@iom.demo", true), (named.Alternate!.Email, named.Alternate.Active));
        Assert.Equal([WorkspaceHost.FocalPoint("IOM")], (await deputy.GetMyAlternateAsync()).ActingFor.Select(a => a.Email));
        Assert.Contains(await deputy.ListNotificationsAsync(), n => n.Kind == "alternate-named");

        var (paper, revision) = await Papers.PaperScenario.InSignOffAsync(host, "Statement signed by an alternate", "Unanimous", TimeSpan.FromDays(5));
        var signed = await deputy.SignOffForAsync(WorkspaceHost.FocalPoint("IOM"), paper.Id, revision.Number, revision.ContentHash, "Approve");
        Assert.Equal(("deputy@iom.demo", WorkspaceHost.FocalPoint("IOM")), (signed.By, signed.OnBehalfOf));
        var record = (await iom.GetPaperAsync(paper.Id)).Round!.Agencies.Single(a => a.AgencyCode == "IOM");
        Assert.Equal(("Approved", "deputy@iom.demo", WorkspaceHost.FocalPoint("IOM")), (record.Status, record.By, record.OnBehalfOf));
        var history = await iom.Http.GetStringAsync($"/api/papers/{paper.Id}/sign-off-record");
        Assert.Contains("\"onBehalfOf\":\"focal@iom.demo\"", history, StringComparison.Ordinal);

        // Someone not named is refused; then the period is ended and the power goes with it at once.
        var unicefDeputy = await PersonAsync("IOM", "other@iom.demo", "Otto Other");
        await ProblemAssert.IsProblem(unicefDeputy.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = revision.Number, contentHash = revision.ContentHash, decision = "Approve", onBehalfOf = WorkspaceHost.FocalPoint("IOM") }), HttpStatusCode.Forbidden);
        var ended = await iom.EndAlternateAsync();
        Assert.Null(ended.Alternate);
        await ProblemAssert.IsProblem(deputy.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs",
            new { revision = revision.Number, contentHash = revision.ContentHash, decision = "Object", comment = "Late thoughts", onBehalfOf = WorkspaceHost.FocalPoint("IOM") }),
            HttpStatusCode.Forbidden);
        Assert.Equal("Approved", (await iom.GetPaperAsync(paper.Id)).Round!.Agencies.Single(a => a.AgencyCode == "IOM").Status);
        Assert.Empty((await deputy.GetMyAlternateAsync()).ActingFor);
    }

    [Fact]
    public async Task Rules_chains_and_alternates_refuse_bad_input_with_field_errors_and_change_nothing()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var before = await secretariat.ListSignOffRulesAsync();
        Assert.Equal(7, before.Count);
        Assert.Contains("agencyCodes", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(secretariat.Http.PutAsJsonAsync("/api/sign-off-rules/Other",
            new { signers = "Named", agencyCodes = Array.Empty<string>(), procedure = "Unanimous", minimumNotice = "00:00:00", clearanceRequired = false }), HttpStatusCode.BadRequest)));
        Assert.Contains("paperKind", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(secretariat.Http.PutAsJsonAsync("/api/sign-off-rules/Pamphlet",
            new { signers = "Participants", procedure = "Unanimous", minimumNotice = "00:00:00", clearanceRequired = false }), HttpStatusCode.BadRequest)));
        Assert.Contains("minimumNotice", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(secretariat.Http.PutAsJsonAsync("/api/sign-off-rules/Other",
            new { signers = "Participants", procedure = "Unanimous", minimumNotice = "-1.00:00:00", clearanceRequired = false }), HttpStatusCode.BadRequest)));
        await ProblemAssert.IsProblem(secretariat.Http.PutAsJsonAsync("/api/sign-off-rules/Other",
            new { signers = "Everyone", procedure = "Unanimous", minimumNotice = "00:00:00", clearanceRequired = false }), HttpStatusCode.BadRequest);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(await secretariat.ListSignOffRulesAsync()));

        var unicef = await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"));
        var stranger = await ProblemAssert.IsProblem(unicef.Http.PutAsJsonAsync("/api/agencies/UNICEF/clearance-chain",
            new { steps = new[] { new { name = "Legal", emails = new[] { WorkspaceHost.FocalPoint("IOM") } } } }), HttpStatusCode.BadRequest);
        Assert.Contains("focal@iom.demo", stranger.GetProperty("errors").GetProperty("steps")[0].GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblem(unicef.Http.PutAsJsonAsync("/api/agencies/UNICEF/clearance-chain",
            new { steps = new[] { new { name = "Legal", emails = Array.Empty<string>() } } }), HttpStatusCode.BadRequest);
        Assert.Empty((await unicef.GetClearanceChainAsync("UNICEF")).Steps);

        var now = host.Clock.GetUtcNow();
        Assert.Contains("email", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(unicef.Http.PutAsJsonAsync("/api/me/alternate",
            new { email = WorkspaceHost.FocalPoint("IOM"), from = now, to = now.AddDays(1) }), HttpStatusCode.BadRequest)));
        Assert.Contains("email", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(unicef.Http.PutAsJsonAsync("/api/me/alternate",
            new { email = WorkspaceHost.FocalPoint("UNICEF"), from = now, to = now.AddDays(1) }), HttpStatusCode.BadRequest)));
        Assert.Contains("to", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(unicef.Http.PutAsJsonAsync("/api/me/alternate",
            new { email = WorkspaceHost.FocalPoint("UNICEF"), from = now, to = now.AddDays(-1) }), HttpStatusCode.BadRequest)));
        Assert.Null((await unicef.GetMyAlternateAsync()).Alternate);
    }
}
