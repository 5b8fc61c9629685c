using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Negotiation;

public sealed class NegotiationTestsOnSqlite(WorkspaceHost host) : NegotiationTests<WorkspaceHost>(host);

public sealed class NegotiationTestsOnPostgres(PostgresHost host) : NegotiationTests<PostgresHost>(host);

/// <summary>Agencies comment on and suggest changes to passages, send them, and the lead decides and folds them in.</summary>
public abstract class NegotiationTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private const string Text = "# Statement\n\nThe members call on States to protect victims of trafficking.\n\nEmployers should bear the cost of recruitment.\n";

    private async Task<(Paper Paper, IReadOnlyList<Block> Blocks)> DraftAsync(string title)
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync(title, "JointStatement", "ILO", ["IOM", "UNHCR"]);
        await ilo.AddRevisionAsync(paper.Id, 0, Text);
        return (paper, await ilo.GetBlocksAsync(paper.Id, 1));
    }

    [Fact]
    public async Task A_draft_is_its_agencys_alone_in_every_route_list_count_and_event_until_it_is_sent()
    {
        var (paper, blocks) = await DraftAsync("Statement with a private draft");
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var before = (await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadEventsAsync(0, 1000)).Max(e => e.Seq);
        var draft = await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "victims", "Replace", "victims and survivors", "The term used by the survivors' networks.");
        Assert.Equal(("Draft", "IOM", "focal@iom.demo"), (draft.Status, draft.AgencyCode, draft.Author));

        // IOM's people see it; the lead, another participant and the secretariat do not, anywhere.
        Assert.Single(await iom.ListAnnotationsAsync(paper.Id), a => a.Id == draft.Id);
        foreach (var outsider in new[] { WorkspaceHost.FocalPoint("ILO"), WorkspaceHost.FocalPoint("UNHCR"), WorkspaceHost.Secretariat })
        {
            var client = await host.ClientFor(outsider);
            Assert.Empty(await client.ListAnnotationsAsync(paper.Id));
            Assert.Empty(await client.ListAnnotationsAsync(paper.Id, status: "Draft", agency: "IOM"));
            var http = await host.HttpFor(outsider);
            await ProblemAssert.IsProblem(http.PatchAsJsonAsync($"/api/annotations/{draft.Id}", new { text = "x" }), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblem(http.PostAsJsonAsync($"/api/annotations/{draft.Id}/disposition", new { decision = "Accepted" }), HttpStatusCode.NotFound);
        }

        // No event says a draft exists, to anyone.
        var events = await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadEventsAsync(before, 1000);
        Assert.DoesNotContain(events, e => e.Data.ToString()!.Contains(draft.Id.ToString(), StringComparison.Ordinal));

        // Sent, it is everyone's on the paper, and the lead is told.
        var sent = await iom.SendContributionAsync(paper.Id, 1);
        Assert.Equal([draft.Id], sent.AnnotationIds);
        var seen = Assert.Single(await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).ListAnnotationsAsync(paper.Id));
        Assert.Equal(("Open", "victims and survivors"), (seen.Status, seen.Text));
        Assert.Contains(await (await host.ClientFor(WorkspaceHost.Secretariat)).ReadEventsAsync(before, 1000),
            e => e.Type == "paper.contribution-sent" && e.Data.GetProperty("agencyCode").GetString() == "IOM" && e.Data.GetProperty("count").GetInt32() == 1);
        Assert.Contains(await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).ListNotificationsAsync(), n => n.Kind == "contribution-sent" && n.Subject.Id == paper.Id.ToString());
        var nothing = await Assert.ThrowsAsync<WorkspaceProblemException>(() => iom.SendContributionAsync(paper.Id, 1));
        Assert.Equal(HttpStatusCode.Conflict, nothing.Status);
    }

    [Fact]
    public async Task A_passage_must_stand_in_its_block_of_the_latest_revision_and_a_suggestion_says_its_words()
    {
        var (paper, blocks) = await DraftAsync("Statement with careless suggestions");
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));

        var missing = await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/annotations",
            new { revision = 1, blockId = blocks[1].Id, quote = "refugees", kind = "Comment", text = "Why?" }), HttpStatusCode.BadRequest);
        Assert.Equal(["quote"], ProblemAssert.ErrorFields(missing));
        var wordless = await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/annotations",
            new { revision = 1, blockId = blocks[1].Id, quote = "victims", kind = "Replace" }), HttpStatusCode.BadRequest);
        Assert.Equal(["text"], ProblemAssert.ErrorFields(wordless));
        await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/annotations",
            new { revision = 1, blockId = "r9b9", quote = "victims", kind = "Delete" }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/annotations",
            new { revision = 1, blockId = blocks[1].Id, quote = "victims", kind = "Rewrite", text = "x" }), HttpStatusCode.BadRequest);

        await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).AddRevisionAsync(paper.Id, 1, Text + "\nA closing line.\n");
        await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/annotations",
            new { revision = 1, blockId = blocks[1].Id, quote = "victims", kind = "Delete" }), HttpStatusCode.Conflict, "stale-revision");
        await ProblemAssert.IsProblem((await host.HttpFor(WorkspaceHost.FocalPoint("WHO"))).PostAsJsonAsync($"/api/papers/{paper.Id}/annotations",
            new { revision = 2, blockId = blocks[1].Id, quote = "victims", kind = "Delete" }), HttpStatusCode.NotFound);
        Assert.Empty(await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).ListAnnotationsAsync(paper.Id));
    }

    [Fact]
    public async Task The_lead_decides_with_reasons_folds_accepted_suggestions_into_the_next_revision_and_the_rest_move_or_go_out_of_date()
    {
        var (paper, blocks) = await DraftAsync("Statement negotiated to the letter");
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var survivors = await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "victims", "Replace", "victims and survivors");
        var full = await iom.AddAnnotationAsync(paper.Id, 1, blocks[2].Id, "the cost", "Replace", "the full cost");
        var comment = await iom.AddAnnotationAsync(paper.Id, 1, blocks[2].Id, "Employers", "Comment", "And recruiters?");
        await iom.SendContributionAsync(paper.Id, 1);
        var rival = await unhcr.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "victims of trafficking", "Replace", "trafficked persons");
        var protect = await unhcr.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "protect", "Insert", " and assist");
        await unhcr.SendContributionAsync(paper.Id, 1);

        // Deciding is the lead's (or the secretariat's), with a reason for anything but accepting.
        var refused = await Assert.ThrowsAsync<WorkspaceProblemException>(() => unhcr.DisposeAnnotationAsync(survivors.Id, "Accepted"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        var reasonless = await Assert.ThrowsAsync<WorkspaceProblemException>(() => ilo.DisposeAnnotationAsync(comment.Id, "Noted"));
        Assert.Equal(HttpStatusCode.BadRequest, reasonless.Status);
        Assert.Equal("Noted", (await ilo.DisposeAnnotationAsync(comment.Id, "Noted", "Recruiters are covered by paragraph 4.")).Status);
        Assert.Contains(await iom.ListNotificationsAsync(), n => n.Kind == "annotation-disposed");

        // Overlapping suggestions are refused by name; a rejected one cannot be applied.
        var overlap = await Assert.ThrowsAsync<WorkspaceProblemException>(() => ilo.AddRevisionFromSuggestionsAsync(paper.Id, 1, [survivors.Id, rival.Id]));
        Assert.Equal((HttpStatusCode.Conflict, "https://workspace/errors/overlapping-suggestions"), (overlap.Status, overlap.Type));
        Assert.Equal([survivors.Id, rival.Id], overlap.Body.GetProperty("annotationIds").EnumerateArray().Select(i => i.GetGuid()).Order());
        Assert.Equal("Rejected", (await ilo.DisposeAnnotationAsync(rival.Id, "Rejected", "The group's glossary keeps \"victims\".")).Status);
        var rejected = await Assert.ThrowsAsync<WorkspaceProblemException>(() => ilo.AddRevisionFromSuggestionsAsync(paper.Id, 1, [survivors.Id, rival.Id]));
        Assert.Equal((HttpStatusCode.Conflict, "https://workspace/errors/suggestions-not-applicable"), (rejected.Status, rejected.Type));
        await unhcr.WithdrawAnnotationAsync(protect.Id);
        var withdrawn = await Assert.ThrowsAsync<WorkspaceProblemException>(() => ilo.AddRevisionFromSuggestionsAsync(paper.Id, 1, [survivors.Id, protect.Id]));
        Assert.Equal(HttpStatusCode.Conflict, withdrawn.Status);
        var notLead = await Assert.ThrowsAsync<WorkspaceProblemException>(() => iom.AddRevisionFromSuggestionsAsync(paper.Id, 1, [survivors.Id]));
        Assert.Equal(HttpStatusCode.Forbidden, notLead.Status);

        var folded = await ilo.AddRevisionFromSuggestionsAsync(paper.Id, 1, [survivors.Id, full.Id]);
        Assert.Equal(2, folded.Number);
        const string expected = "# Statement\n\nThe members call on States to protect victims and survivors of trafficking.\n\nEmployers should bear the full cost of recruitment.\n";
        Assert.Equal(expected, (await ilo.GetRevisionAsync(paper.Id, 2)).Body);
        Assert.Equal(Sha(expected), folded.ContentHash);
        Assert.Equal([survivors.Id, full.Id], folded.AppliedAnnotationIds);
        var after = (await iom.ListAnnotationsAsync(paper.Id)).ToDictionary(a => a.Id);
        Assert.Equal(("Accepted", 2), (after[survivors.Id].Status, after[survivors.Id].AppliedInRevision!.Value));
        Assert.Equal(("Accepted", 2), (after[full.Id].Status, after[full.Id].AppliedInRevision!.Value));
        Assert.Equal(("Noted", 1), (after[comment.Id].Status, after[comment.Id].Revision));
        var events = await ilo.ReadEventsAsync(0, 1000);
        var added = events.Last(e => e.Type == "paper.revision-added" && e.Subject.Id == paper.Id.ToString());
        Assert.Equal([survivors.Id, full.Id], added.Data.GetProperty("appliedAnnotationIds").EnumerateArray().Select(i => i.GetGuid()));
    }

    [Fact]
    public async Task Open_items_move_to_the_next_revision_while_their_passage_stands_and_go_out_of_date_when_it_changed()
    {
        var (paper, blocks) = await DraftAsync("Statement revised under open items");
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var stays = await iom.AddAnnotationAsync(paper.Id, 1, blocks[2].Id, "recruitment", "Comment", "Define it.");
        var goes = await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "protect", "Replace", "shield");
        await iom.SendContributionAsync(paper.Id, 1);
        var draft = await iom.AddAnnotationAsync(paper.Id, 1, blocks[2].Id, "Employers", "Comment", "Still a draft.");

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ilo.AddRevisionAsync(paper.Id, 1, "# Statement\n\nA new opening.\n\nThe members call on States to assist victims of trafficking.\n\nEmployers should bear the cost of recruitment.\n");
        // At once, on the new revision, with an id the block kept: the request waits for the blocks, outside the writer's turn.
        var next = await iom.AddAnnotationAsync(paper.Id, 2, blocks[2].Id, "Employers", "Comment", "Right after the revision.");
        Assert.Equal(2, next.Revision);

        var after = (await iom.ListAnnotationsAsync(paper.Id)).ToDictionary(a => a.Id);
        Assert.Equal(("Open", 2), (after[stays.Id].Status, after[stays.Id].Revision));
        Assert.Equal(("Outdated", 1), (after[goes.Id].Status, after[goes.Id].Revision));
        Assert.Equal(("Draft", 2), (after[draft.Id].Status, after[draft.Id].Revision));
        // An outdated suggestion is never applied.
        var outdated = await Assert.ThrowsAsync<WorkspaceProblemException>(() => ilo.AddRevisionFromSuggestionsAsync(paper.Id, 2, [goes.Id]));
        Assert.Equal(HttpStatusCode.Conflict, outdated.Status);
        // The moved item points at the same words in the new text.
        var newBlocks = await ilo.GetBlocksAsync(paper.Id, 2);
        Assert.Contains("recruitment", newBlocks.Single(b => b.Id == stays.BlockId).Text, StringComparison.Ordinal);
        Assert.Equal(4, newBlocks.Single(b => b.Id == stays.BlockId).Number);
    }

    [Fact]
    public async Task Its_agency_edits_and_deletes_a_draft_and_withdraws_what_it_sent_and_nobody_else_does()
    {
        var (paper, blocks) = await DraftAsync("Statement with second thoughts");
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var draft = await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "States", "Replace", "all States");
        Assert.Equal(("all Member States", "Wider."), await iom.EditAnnotationAsync(draft.Id, "all Member States", "Wider.") is var edited ? (edited.Text, edited.Justification) : default);
        var other = await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "members", "Comment", "Which members?");
        await iom.DeleteAnnotationAsync(other.Id);
        Assert.Equal([draft.Id], (await iom.ListAnnotationsAsync(paper.Id)).Select(a => a.Id));

        await iom.SendContributionAsync(paper.Id, 1);
        var sentEdit = await Assert.ThrowsAsync<WorkspaceProblemException>(() => iom.EditAnnotationAsync(draft.Id, "x", null));
        Assert.Equal((HttpStatusCode.Conflict, "https://workspace/errors/not-a-draft"), (sentEdit.Status, sentEdit.Type));
        var byLead = await Assert.ThrowsAsync<WorkspaceProblemException>(async () => await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).WithdrawAnnotationAsync(draft.Id));
        Assert.Equal(HttpStatusCode.Forbidden, byLead.Status);
        Assert.Equal("Withdrawn", (await iom.WithdrawAnnotationAsync(draft.Id)).Status);
        Assert.Equal("Withdrawn", Assert.Single(await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).ListAnnotationsAsync(paper.Id)).Status);
    }

    [Fact]
    public async Task The_comments_matrix_lists_every_sent_item_with_its_fate_and_a_round_keeps_it_as_it_stood_when_it_opened()
    {
        var (paper, blocks) = await DraftAsync("Statement with a matrix");
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var fees = await iom.AddAnnotationAsync(paper.Id, 1, blocks[2].Id, "cost", "Replace", "full cost", "Fees are often hidden.");
        var why = await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "States", "Comment", "And regional bodies?");
        await iom.SendContributionAsync(paper.Id, 1);
        await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "members", "Comment", "A draft never in the matrix.");
        await ilo.DisposeAnnotationAsync(why.Id, "Noted", "Regional bodies are not members.");
        var folded = await ilo.AddRevisionFromSuggestionsAsync(paper.Id, 1, [fees.Id]);

        var matrix = await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).GetDispositionsAsync(paper.Id);
        Assert.Equal(2, matrix.Count);
        var taken = matrix.Single(d => d.AnnotationId == fees.Id);
        Assert.Equal(("IOM", "Replace", "cost", "full cost", "Fees are often hidden.", "Accepted", 2, 3), (taken.AgencyCode, taken.Kind, taken.Quote, taken.Text, taken.Justification, taken.Status, taken.AppliedInRevision!.Value, taken.BlockNumber!.Value));
        var noted = matrix.Single(d => d.AnnotationId == why.Id);
        Assert.Equal(("Noted", "Regional bodies are not members.", 2), (noted.Status, noted.Reason, noted.BlockNumber!.Value));

        var csv = await (await host.HttpFor(WorkspaceHost.Secretariat)).GetStringAsync($"/api/papers/{paper.Id}/dispositions.csv");
        Assert.StartsWith("annotationId,agency,revision,paragraph,kind,quote,text,justification,status,reason,appliedInRevision\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{fees.Id},IOM,1,3,Replace,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("A draft never in the matrix", csv, StringComparison.Ordinal);

        // A round keeps the matrix as it stood when it opened; later decisions do not change it.
        await ilo.OpenRoundAsync(paper.Id, folded.Number, "Unanimous", host.Clock.GetUtcNow().AddDays(7));
        await ilo.DisposeAnnotationAsync(why.Id, "Rejected", "On second thoughts, no.");
        var round = (await iom.ListRoundsAsync(paper.Id))[0];
        Assert.Equal(["Accepted", "Noted"], round.Dispositions!.OrderBy(d => d.Status).Select(d => d.Status));
        Assert.Equal("Rejected", (await iom.GetDispositionsAsync(paper.Id)).Single(d => d.AnnotationId == why.Id).Status);
    }

    [Fact]
    public async Task Where_the_kind_asks_for_clearance_the_agencys_chain_clears_its_contribution_bound_to_its_content_before_anyone_else_sees_it()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.ChangeSignOffRuleAsync("Submission", "Participants", "Unanimous", TimeSpan.Zero, clearanceRequired: true);
        if (!(await secretariat.GetAgencyAsync("IOM")).FocalPoints.Any(f => f.Email == "legal@iom.demo"))
        {
            await secretariat.RegisterFocalPointAsync("IOM", "legal@iom.demo", "Lara Legal", WorkspaceHost.Password);
        }

        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        var legal = await host.ClientFor("legal@iom.demo");
        await iom.ChangeClearanceChainAsync("IOM", [new("Legal", ["legal@iom.demo"])]);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Submission cleared inside", "Submission", "ILO", ["IOM", "UNHCR"]);
        await ilo.AddRevisionAsync(paper.Id, 0, Text);
        var blocks = await ilo.GetBlocksAsync(paper.Id, 1);
        var before = (await secretariat.ReadEventsAsync(0, 1000)).Max(e => e.Seq);
        var draft = await iom.AddAnnotationAsync(paper.Id, 1, blocks[1].Id, "victims", "Replace", "victims and survivors");

        // Sent, it goes to Legal first: still IOM's drafts, seen by no one else, the lead not told.
        var sent = await iom.SendContributionAsync(paper.Id, 1);
        Assert.Equal(("InClearance", "Legal"), (sent.Status, sent.WaitingFor));
        Assert.Equal([draft.Id], sent.AnnotationIds);
        Assert.Equal("Draft", Assert.Single(await iom.ListAnnotationsAsync(paper.Id)).Status);
        Assert.Empty(await ilo.ListAnnotationsAsync(paper.Id));
        Assert.Empty(await secretariat.ListAnnotationsAsync(paper.Id));
        Assert.Contains(await legal.ListNotificationsAsync(), n => n.Kind == "contribution-clearance-requested" && n.Subject.Id == paper.Id.ToString());
        Assert.DoesNotContain(await ilo.ListNotificationsAsync(), n => n.Kind is "contribution-sent" or "contribution-clearance-requested" && n.Subject.Id == paper.Id.ToString());
        Assert.DoesNotContain(await secretariat.ReadEventsAsync(before, 1000), e => e.Type.StartsWith("paper.contribution", StringComparison.Ordinal));
        Assert.Empty(await ilo.ListContributionsAsync(paper.Id));

        // Only the step's holder clears it, and only the content it was asked to clear.
        await ProblemAssert.IsProblem((await host.HttpFor(WorkspaceHost.FocalPoint("IOM"))).PostAsJsonAsync($"/api/papers/{paper.Id}/clearances",
            new { revision = 1, contentHash = sent.ContentHash, step = "Legal", decision = "Approve", contribution = true }), HttpStatusCode.Forbidden);
        await iom.EditAnnotationAsync(draft.Id, "victims and survivors of trafficking", null);
        var changed = await Assert.ThrowsAsync<WorkspaceProblemException>(() => legal.ClearContributionAsync(paper.Id, 1, sent.ContentHash!, "Legal", "Approve"));
        Assert.Equal(HttpStatusCode.Conflict, changed.Status);
        Assert.EndsWith("contribution-changed", changed.Type, StringComparison.Ordinal);
        Assert.Empty(await ilo.ListAnnotationsAsync(paper.Id));
        Assert.True(Assert.Single(await iom.ListContributionsAsync(paper.Id)).Changed);

        // Sent again on the new content, sent back with a reason, sent again, cleared: now it is sent, and the lead is told.
        var again = await iom.SendContributionAsync(paper.Id, 1);
        Assert.NotEqual(sent.ContentHash, again.ContentHash);
        var back = await legal.ClearContributionAsync(paper.Id, 1, again.ContentHash!, "Legal", "SendBack", "Say which survivors.");
        Assert.Equal("SentBack", back.Status);
        Assert.Contains(await iom.ListNotificationsAsync(), n => n.Kind == "contribution-sent-back" && n.Subject.Id == paper.Id.ToString());
        await ProblemAssert.IsProblem((await host.HttpFor("legal@iom.demo")).PostAsJsonAsync($"/api/papers/{paper.Id}/clearances",
            new { revision = 1, contentHash = again.ContentHash, step = "Legal", decision = "Approve", contribution = true }), HttpStatusCode.Conflict, "not-in-clearance");
        var third = await iom.SendContributionAsync(paper.Id, 1);
        var cleared = await legal.ClearContributionAsync(paper.Id, 1, third.ContentHash!, "Legal", "Approve");
        Assert.Equal("Sent", cleared.Status);
        var open = Assert.Single(await ilo.ListAnnotationsAsync(paper.Id));
        Assert.Equal(("Open", "victims and survivors of trafficking"), (open.Status, open.Text));
        Assert.Contains(await ilo.ListNotificationsAsync(), n => n.Kind == "contribution-sent" && n.Subject.Id == paper.Id.ToString());
        var record = Assert.Single(await iom.ListContributionsAsync(paper.Id));
        Assert.Equal("Sent", record.Status);
        Assert.Equal(["SendBack", "Approve"], record.History.Select(h => h.Decision));
        Assert.Equal("Say which survivors.", record.History[0].Comment);
    }
}
