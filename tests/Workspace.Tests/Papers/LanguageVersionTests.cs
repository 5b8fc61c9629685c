using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Papers;

public sealed class LanguageVersionTestsOnSqlite(WorkspaceHost host) : LanguageVersionTests<WorkspaceHost>(host);

public sealed class LanguageVersionTestsOnPostgres(PostgresHost host) : LanguageVersionTests<PostgresHost>(host);

/// <summary>
/// A statement is signed in English and published in French and Spanish too: each version is tied to the signed text by
/// its hash, goes out of date the moment the original changes, and is confirmed by a reviewer of its language before
/// the secretariat may publish.
/// </summary>
public abstract class LanguageVersionTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private const string French = "# Déclaration commune\n\nLes membres du groupe appellent les États à agir.\n";
    private const string Spanish = "# Declaración conjunta\n\nLos miembros del grupo instan a los Estados a actuar.\n";

    private async Task NameReviewersAsync()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.SetLanguageReviewersAsync("fr", [WorkspaceHost.FocalPoint("IOM")]);
        await secretariat.SetLanguageReviewersAsync("es", [WorkspaceHost.FocalPoint("UNHCR"), WorkspaceHost.Secretariat]);
    }

    private async Task<LanguageVersion> ConfirmAsync(Guid paperId, string language, string reviewer)
    {
        var client = await host.ClientFor(reviewer);
        var version = (await client.GetPaperAsync(paperId)).Versions.Single(v => v.Language == language);
        return await client.ReviewVersionAsync(paperId, language, version.Revision, version.ContentHash, version.BasedOnHash, "Confirm");
    }

    [Fact]
    public async Task A_version_is_bound_to_the_original_revisions_hash_and_goes_out_of_date_on_a_new_revision()
    {
        await NameReviewersAsync();
        var (paper, revision) = await DraftAsync(host, "Statement translated while drafted");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));

        var added = await ilo.AddVersionRevisionAsync(paper.Id, "fr", revision.Number, 0, French);

        Assert.Equal(("fr", 1, Sha(French), 1, revision.ContentHash), (added.Language, added.Revision, added.ContentHash, added.BasedOnRevision, added.BasedOnHash));
        var seen = await ilo.GetPaperAsync(paper.Id);
        Assert.Equal("en", seen.OriginalLanguage);
        var fr = Assert.Single(seen.Versions);
        Assert.Equal(("Draft", revision.ContentHash, (string?)null), (fr.Status, fr.BasedOnHash, fr.Reviewer));
        // The reviewer of French is asked; nobody else is.
        Assert.Contains(await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).ListNotificationsAsync(),
            n => n.Kind == "version-review-requested" && n.Subject.Id == paper.Id.ToString());
        Assert.DoesNotContain(await (await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"))).ListNotificationsAsync(),
            n => n.Kind == "version-review-requested" && n.Subject.Id == paper.Id.ToString());

        // The original's language is not a version; a translation of an older text or on an older version is refused.
        var original = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/versions/en/revisions", new { basedOnRevision = 1, baseRevision = 0, body = "x" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["language"], ProblemAssert.ErrorFields(original));
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/versions/de/revisions", new { basedOnRevision = 1, baseRevision = 0, body = "x" }),
            HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/versions/fr/revisions", new { basedOnRevision = 1, baseRevision = 0, body = "x" }),
            HttpStatusCode.Conflict, "stale-revision");

        var second = await ilo.AddRevisionAsync(paper.Id, 1, $"# Statement translated while drafted\n\nThe members of the group call on all States to act.\n");

        fr = Assert.Single((await ilo.GetPaperAsync(paper.Id)).Versions);
        Assert.Equal(("OutOfDate", 1), (fr.Status, fr.BasedOnRevision));
        Assert.Contains(await ilo.ReadEventsAsync(0, 1000), e => e.Type == "paper.version-out-of-date" && e.Subject.Id == paper.Id.ToString());
        var stale = await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/versions/fr/revisions", new { basedOnRevision = 1, baseRevision = 1, body = French }),
            HttpStatusCode.Conflict, "stale-original");
        Assert.Equal(2, stale.GetProperty("currentRevision").GetInt32());
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(iom.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/versions/fr/review",
            new { revision = 1, contentHash = Sha(French), basedOnHash = revision.ContentHash, decision = "Confirm" }), HttpStatusCode.Conflict, "version-out-of-date");

        // Brought up to date, the version names the new original; only the language's reviewer may check it, against the exact texts.
        var updated = French.Replace("les États", "tous les États", StringComparison.Ordinal);
        var next = await ilo.AddVersionRevisionAsync(paper.Id, "fr", 2, 1, updated);
        Assert.Equal((2, second.ContentHash), (next.Revision, next.BasedOnHash));
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        await ProblemAssert.IsProblem(unhcr.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/versions/fr/review",
            new { revision = 2, contentHash = next.ContentHash, basedOnHash = second.ContentHash, decision = "Confirm" }), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(iom.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/versions/fr/review",
            new { revision = 2, contentHash = next.ContentHash, basedOnHash = revision.ContentHash, decision = "Confirm" }), HttpStatusCode.Conflict, "stale-version");
        var noReason = await ProblemAssert.IsProblem(iom.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/versions/fr/review",
            new { revision = 2, contentHash = next.ContentHash, basedOnHash = second.ContentHash, decision = "SendBack" }), HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], ProblemAssert.ErrorFields(noReason));
        // Someone who does not see the paper is told it does not exist, reviewer or not.
        var who = await host.ClientFor(WorkspaceHost.FocalPoint("WHO"));
        await ProblemAssert.IsProblem(who.Http.GetAsync($"/api/papers/{paper.Id}/versions/fr"), HttpStatusCode.NotFound);

        var confirmed = await iom.ReviewVersionAsync(paper.Id, "fr", 2, next.ContentHash, second.ContentHash, "Confirm");

        Assert.Equal(("Confirmed", WorkspaceHost.FocalPoint("IOM"), host.Clock.GetUtcNow()), (confirmed.Status, confirmed.Reviewer, confirmed.ConfirmedAt));
        var text = await ilo.Http.GetFromJsonAsync<JsonElement>($"/api/papers/{paper.Id}/versions/fr");
        Assert.Equal((updated, "Confirmed", 2), (text.GetProperty("body").GetString(), text.GetProperty("status").GetString(), text.GetProperty("originalRevision").GetInt32()));
        Assert.Equal(French, (await ilo.Http.GetFromJsonAsync<JsonElement>($"/api/papers/{paper.Id}/versions/fr/revisions/1")).GetProperty("body").GetString());
        var reviewed = Assert.Single(await ilo.ReadEventsAsync(0, 1000), e => e.Type == "paper.version-reviewed" && e.Subject.Id == paper.Id.ToString());
        Assert.Equal((second.ContentHash, next.ContentHash, "Confirm"),
            (reviewed.Data.GetProperty("basedOnHash").GetString(), reviewed.Data.GetProperty("contentHash").GetString(), reviewed.Data.GetProperty("decision").GetString()));
        var audit = await (await host.ClientFor(WorkspaceHost.Secretariat)).VerifyAuditAsync();
        Assert.True(audit.Ok, string.Join("; ", audit.Problems));
    }

    [Fact]
    public async Task Publication_waits_for_each_required_language_confirmed_against_the_signed_text_and_then_offers_each()
    {
        await NameReviewersAsync();
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.ChangeSignOffRuleAsync("IssueBrief", "Participants", "Unanimous", TimeSpan.Zero, false, requiredLanguages: ["fr", "es"]);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Brief in three languages", "IssueBrief", "ILO", ["IOM", "UNHCR"]);
        var revision = await ilo.AddRevisionAsync(paper.Id, 0, "# Brief in three languages\n\nThe members of the group call on States to act.\n");
        await ilo.AddVersionRevisionAsync(paper.Id, "fr", 1, 0, French);
        await ConfirmAsync(paper.Id, "fr", WorkspaceHost.FocalPoint("IOM"));
        await ilo.OpenRoundAsync(paper.Id, 1, "Unanimous", host.Clock.GetUtcNow().AddDays(7));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");

        var missing = await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "S", tags = Array.Empty<string>() }),
            HttpStatusCode.Conflict, "languages-missing");
        Assert.Equal(["es"], missing.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("SignedOff", (await secretariat.GetPaperAsync(paper.Id)).State);

        // A Spanish draft not yet confirmed is still missing; once its reviewer confirms it, the paper is published.
        var es = await ilo.AddVersionRevisionAsync(paper.Id, "es", 1, 0, Spanish);
        await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "S", tags = Array.Empty<string>() }),
            HttpStatusCode.Conflict, "languages-missing");
        await ConfirmAsync(paper.Id, "es", WorkspaceHost.FocalPoint("UNHCR"));
        await secretariat.PublishAsync(paper.Id, "A brief.", []);

        using var anonymous = host.Anonymous();
        var published = (await anonymous.GetFromJsonAsync<Publication>($"/api/publications/{paper.Id}", WorkspaceClient.Json))!;
        Assert.Equal(
            [new PublishedLanguage("en", revision.ContentHash, null, true), new PublishedLanguage("fr", Sha(French), WorkspaceHost.FocalPoint("IOM"), false),
                new PublishedLanguage("es", es.ContentHash, WorkspaceHost.FocalPoint("UNHCR"), false)],
            published.Languages);
        using var spanish = await anonymous.GetAsync($"/api/publications/{paper.Id}?language=es");
        Assert.Equal(["es"], spanish.Content.Headers.ContentLanguage);
        var body = await spanish.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((Spanish, es.ContentHash, revision.ContentHash),
            (body.GetProperty("text").GetString(), body.GetProperty("textHash").GetString(), body.GetProperty("contentHash").GetString()));
        await ProblemAssert.IsProblem(anonymous.GetAsync($"/api/publications/{paper.Id}?language=ru"), HttpStatusCode.NotFound);

        var feed = await anonymous.GetStringAsync("/publications.atom?language=es");
        Assert.Contains("Declaración conjunta", feed, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"es\"", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("Declaración conjunta", await anonymous.GetStringAsync("/publications.atom?language=ru"), StringComparison.Ordinal);

        // An editorial correction puts the versions out of date: once adopted, the public text is offered in English until they are confirmed anew.
        await ilo.ProposeCorrectionAsync(paper.Id, 1, "# Brief in three languages\n\nThe members of the group call on all States to act.\n");
        Assert.All((await ilo.GetPaperAsync(paper.Id)).Versions, v => Assert.Equal("OutOfDate", v.Status));
        Assert.Equal(3, (await anonymous.GetFromJsonAsync<Publication>($"/api/publications/{paper.Id}", WorkspaceClient.Json))!.Languages.Count);
        host.Clock.Advance(TimeSpan.FromHours(49));
        await host.SweepDeadlinesAsync();
        Assert.Equal(["en"], (await anonymous.GetFromJsonAsync<Publication>($"/api/publications/{paper.Id}", WorkspaceClient.Json))!.Languages.Select(l => l.Language));
        await ProblemAssert.IsProblem(anonymous.GetAsync($"/api/publications/{paper.Id}?language=es"), HttpStatusCode.NotFound);
    }
}
