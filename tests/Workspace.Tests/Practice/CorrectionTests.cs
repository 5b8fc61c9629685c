using System.Net;
using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Practice;

public sealed class CorrectionTestsOnSqlite(WorkspaceHost host) : CorrectionTests<WorkspaceHost>(host);

public sealed class CorrectionTestsOnPostgres(PostgresHost host) : CorrectionTests<PostgresHost>(host);

/// <summary>
/// A typo found after sign-off must not restart a month of clearances: the lead proposes an editorial
/// correction, the signatories have 48 hours (the default) to object, and silence carries every sign-off over.
/// </summary>
public abstract class CorrectionTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private async Task<(Paper Paper, RevisionSummary Revision, string Body)> SignedOffAsync(string title)
    {
        var (paper, revision) = await InSignOffAsync(host, title, "Unanimous", TimeSpan.FromDays(7));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        var body = (await (await host.ClientFor(WorkspaceHost.FocalPoint("ILO"))).GetRevisionAsync(paper.Id, revision.Number)).Body;
        return (paper, revision, body);
    }

    [Fact]
    public async Task A_correction_nobody_objects_to_is_adopted_at_the_deadline_and_the_published_text_shows_corrected_on()
    {
        var (paper, revision, body) = await SignedOffAsync("Statement with a typo");
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.PublishAsync(paper.Id, "A statement.", ["Global"]);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var corrected = body.Replace("States", "all States", StringComparison.Ordinal);

        var proposed = await ilo.ProposeCorrectionAsync(paper.Id, revision.Number, corrected);

        Assert.Equal(("Pending", 2, 1, Sha(corrected)), (proposed.Status, proposed.Revision, proposed.CorrectedRevision, proposed.ContentHash));
        Assert.Equal(host.Clock.GetUtcNow().AddHours(48), proposed.Deadline);
        Assert.Equal(["ILO", "IOM", "UNHCR"], proposed.SignatoryAgencyCodes);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Contains(await iom.ListNotificationsAsync(), n => n.Kind == "correction-proposed" && n.Subject.Id == paper.Id.ToString());
        var diff = await iom.Http.GetStringAsync($"/api/papers/{paper.Id}/diff?from=1&to=2");
        Assert.Contains("all States", diff, StringComparison.Ordinal);
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/corrections", new { baseRevision = 2, body = corrected + "\nMore." }),
            HttpStatusCode.Conflict, "correction-pending");
        // Until the deadline the public text is the one approved.
        Assert.Equal(revision.ContentHash, (await host.Anonymous().GetFromJsonAsync<Publication>($"/api/publications/{paper.Id}", WorkspaceClient.Json))!.ContentHash);

        host.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal(0, (await host.SweepDeadlinesAsync()).CorrectionsAdopted);
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await host.SweepDeadlinesAsync()).CorrectionsAdopted);

        ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var after = await ilo.GetPaperAsync(paper.Id);
        Assert.Equal(("Published", 2, "Completed", 2), (after.State, after.Round!.Number, after.Round.Status, after.Round.Revision));
        Assert.All(after.Round.Agencies, a => Assert.Equal("Approved", a.Status));
        Assert.Equal("Adopted", (await ilo.ListCorrectionsAsync(paper.Id))[0].Status);
        using var anonymous = host.Anonymous();
        var published = (await anonymous.GetFromJsonAsync<Publication>($"/api/publications/{paper.Id}", WorkspaceClient.Json))!;
        Assert.Equal((Sha(corrected), host.Clock.GetUtcNow()), (published.ContentHash, published.CorrectedAt));
        Assert.Contains("all States", await anonymous.GetStringAsync($"/api/publications/{paper.Id}"), StringComparison.Ordinal);
        var audit = await (await host.ClientFor(WorkspaceHost.Secretariat)).VerifyAuditAsync();
        Assert.True(audit.Ok, string.Join("; ", audit.Problems));
    }

    [Fact]
    public async Task One_objection_sends_a_signed_off_paper_back_to_a_full_round()
    {
        var (paper, revision, body) = await SignedOffAsync("Statement with a disputed correction");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem((await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).Http.PostAsJsonAsync($"/api/papers/{paper.Id}/corrections",
            new { baseRevision = 1, body = body + "\nIOM's idea." }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/corrections", new { baseRevision = 1, body }), HttpStatusCode.Conflict, "no-change");
        var proposed = await ilo.ProposeCorrectionAsync(paper.Id, revision.Number, body + "\nA new sentence that is no typo.\n");
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        Assert.Contains("reason", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(
            unhcr.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/corrections/{proposed.Revision}/objection", new { reason = "" }), HttpStatusCode.BadRequest)));

        var objected = await unhcr.ObjectToCorrectionAsync(paper.Id, proposed.Revision, "This changes the substance: a full round, please.");

        Assert.Equal(("Objected", "UNHCR"), (objected.Status, objected.ObjectedByAgencyCode));
        var after = await ilo.GetPaperAsync(paper.Id);
        Assert.Equal(("Drafting", 2), (after.State, after.LatestRevision!.Number));
        Assert.Contains(await ilo.ListNotificationsAsync(), n => n.Kind == "correction-objected" && n.Text.Contains("substance", StringComparison.Ordinal));
        await ProblemAssert.IsProblem(unhcr.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/corrections/{proposed.Revision}/objection", new { reason = "Again" }),
            HttpStatusCode.Conflict, "wrong-state");

        // Later, nothing is adopted; the corrected text goes through a full round like any other.
        host.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, (await host.SweepDeadlinesAsync()).CorrectionsAdopted);
        ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var round = await ilo.OpenRoundAsync(paper.Id, 2, "Unanimous", host.Clock.GetUtcNow().AddDays(5));
        Assert.All(round.Agencies, a => Assert.Equal("Pending", a.Status));
    }

    [Fact]
    public async Task A_correction_is_refused_before_sign_off()
    {
        var (paper, revision) = await DraftAsync(host, "A draft with a typo");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/corrections", new { baseRevision = revision.Number, body = "Fixed" }),
            HttpStatusCode.Conflict, "wrong-state");
        Assert.Empty(await ilo.ListCorrectionsAsync(paper.Id));
    }
}
