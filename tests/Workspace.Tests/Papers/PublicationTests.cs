using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Papers;

public sealed class PublicationTestsOnSqlite(WorkspaceHost host) : PublicationTests<WorkspaceHost>(host);

public sealed class PublicationTestsOnPostgres(PostgresHost host) : PublicationTests<PostgresHost>(host);

public abstract class PublicationTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    private async Task<(Paper Paper, RevisionSummary Revision)> SignedOffAsync(string title)
    {
        var (paper, revision) = await InSignOffAsync(host, title, "Unanimous", TimeSpan.FromDays(7));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        return (paper, revision);
    }

    [Fact]
    public async Task Tags_come_from_the_secretariats_regions_and_themes_in_their_listed_spelling_and_a_typo_is_refused()
    {
        var (paper, _) = await SignedOffAsync("Statement tagged from the lists");
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);

        var typo = await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "S", tags = new[] { "Global", "Eurpoe" } }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["tags"], ProblemAssert.ErrorFields(typo));
        Assert.Contains("Eurpoe", typo.GetProperty("errors").GetProperty("tags")[0].GetString());
        Assert.Equal("SignedOff", (await secretariat.GetPaperAsync(paper.Id)).State);

        await secretariat.PublishAsync(paper.Id, "S", ["global", "LABOUR MIGRATION"]);
        using var anonymous = host.Anonymous();
        var entry = Assert.Single((await anonymous.GetFromJsonAsync<List<Publication>>("/api/publications", WorkspaceClient.Json))!, p => p.PaperId == paper.Id);
        Assert.Equal(["Global", "Labour migration"], entry.Tags);
    }

    [Fact]
    public async Task The_secretariat_publishes_a_signed_off_paper_which_becomes_public_exactly_as_approved()
    {
        var (paper, revision) = await SignedOffAsync("Joint statement on the World Day against Trafficking");
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var published = await secretariat.PublishAsync(paper.Id, "The group calls for action on forced labour.", ["Global", "Labour migration"]);

        Assert.Equal("Published", published.State);
        Assert.NotNull(published.PublishedAt);
        Assert.Equal(["ProposeCorrection", "Translate"], published.AllowedActions);

        using var anonymous = host.Anonymous();
        var list = await anonymous.GetFromJsonAsync<List<Publication>>("/api/publications", WorkspaceClient.Json);
        var entry = Assert.Single(list!, p => p.PaperId == paper.Id);
        Assert.Equal(["ILO", "IOM", "UNHCR"], entry.AgencyCodes);
        Assert.Equal(revision.ContentHash, entry.ContentHash);
        Assert.Equal(["Global", "Labour migration"], entry.Tags);
        Assert.Equal("JointStatement", entry.Kind);

        var text = await anonymous.GetFromJsonAsync<JsonElement>($"/api/publications/{paper.Id}");
        Assert.Equal(revision.ContentHash, Sha(text.GetProperty("text").GetString()!));
        Assert.Equal(1, text.GetProperty("revision").GetInt32());

        var who = await host.ClientFor(WorkspaceHost.FocalPoint("WHO"));
        Assert.Contains(await who.ReadEventsAsync(0, 1000), e => e.Type == "paper.published" && e.Subject.Id == paper.Id.ToString());
        Assert.Contains(await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).ListNotificationsAsync(),
            n => n.Kind == "paper-published" && n.Subject.Id == paper.Id.ToString());
    }

    [Fact]
    public async Task Publications_are_listed_newest_first()
    {
        var (older, _) = await SignedOffAsync("Older publication");
        var (newer, _) = await SignedOffAsync("Newer publication");
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.PublishAsync(older.Id, "First.", []);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await secretariat.PublishAsync(newer.Id, "Second.", []);

        var order = (await secretariat.ListPublicationsAsync()).Select(p => p.PaperId).ToList();
        Assert.True(order.IndexOf(newer.Id) < order.IndexOf(older.Id));
    }

    [Fact]
    public async Task Nothing_unpublished_is_ever_public()
    {
        var (draft, _) = await DraftAsync(host, "Unpublished draft");
        var (signedOff, _) = await SignedOffAsync("Signed off, not yet published");
        using var anonymous = host.Anonymous();

        var list = await anonymous.GetStringAsync("/api/publications");
        Assert.DoesNotContain(draft.Id.ToString(), list);
        Assert.DoesNotContain(signedOff.Id.ToString(), list);
        await ProblemAssert.IsProblem(anonymous.GetAsync($"/api/publications/{signedOff.Id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(anonymous.GetAsync($"/api/publications/{draft.Id}"), HttpStatusCode.NotFound);
        var feed = await anonymous.GetStringAsync("/publications.atom");
        Assert.DoesNotContain(signedOff.Id.ToString(), feed);
        await ProblemAssert.IsProblem(anonymous.GetAsync($"/api/papers/{signedOff.Id}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Publishing_too_early_is_409_and_only_the_secretariat_publishes()
    {
        var (paper, revision) = await InSignOffAsync(host, "Too early", "Unanimous", TimeSpan.FromDays(7));
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "S", tags = Array.Empty<string>() }),
            HttpStatusCode.Conflict, "wrong-state");

        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        var lead = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem(lead.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "S", tags = Array.Empty<string>() }),
            HttpStatusCode.Forbidden);
        var missingSummary = await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { tags = Array.Empty<string>() }),
            HttpStatusCode.BadRequest);
        Assert.Contains("summary", ProblemAssert.ErrorFields(missingSummary));
        await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync($"/api/papers/{Guid.NewGuid()}/publish", new { summary = "S", tags = Array.Empty<string>() }),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_refuses_a_text_that_is_not_the_one_approved()
    {
        var (paper, _) = await SignedOffAsync("Tampered text");
        Assert.Equal(1, await host.ExecuteSqlAsync("""UPDATE "Revisions" SET "Body" = "Body" || 'An unapproved sentence.' WHERE "PaperId" = @id AND "Number" = 1""",
            ("@id", paper.Id)));

        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "S", tags = Array.Empty<string>() }),
            HttpStatusCode.Conflict, "content-mismatch");
        Assert.Equal("SignedOff", (await secretariat.GetPaperAsync(paper.Id)).State);
        Assert.DoesNotContain(await secretariat.ListPublicationsAsync(), p => p.PaperId == paper.Id);
    }

    [Fact]
    public async Task A_signed_off_paper_takes_no_new_revision()
    {
        var (paper, _) = await SignedOffAsync("Frozen text");
        var ilo = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem(ilo.PostAsJsonAsync($"/api/papers/{paper.Id}/revisions", new { baseRevision = 1, body = "late edit" }),
            HttpStatusCode.Conflict, "wrong-state");
    }

    [Fact]
    public async Task The_atom_feed_lists_publications_for_feed_readers()
    {
        var (paper, _) = await SignedOffAsync("Feed-worthy brief");
        await (await host.ClientFor(WorkspaceHost.Secretariat)).PublishAsync(paper.Id, "Read all about it.", ["Europe"]);

        using var anonymous = host.Anonymous();
        var response = await anonymous.GetAsync("/publications.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        var item = Assert.Single(feed.Items, i => i.Id == $"urn:uuid:{paper.Id}");
        Assert.Equal("Feed-worthy brief", item.Title.Text);
        Assert.Contains(item.Categories, c => c.Name == "Europe");
        Assert.Contains(item.Links, l => l.Uri.AbsolutePath == $"/api/publications/{paper.Id}");
    }

    [Fact]
    public async Task The_lead_withdraws_a_paper_before_publication_only()
    {
        var (paper, _) = await InSignOffAsync(host, "Withdrawn statement", "Silence", TimeSpan.FromDays(7));
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(iom.PostAsync($"/api/papers/{paper.Id}/withdraw", null), HttpStatusCode.Forbidden);

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var withdrawn = await ilo.WithdrawAsync(paper.Id);
        Assert.Equal("Withdrawn", withdrawn.State);
        Assert.Equal("Cancelled", withdrawn.Round!.Status);
        Assert.Equal(new Workspace.Client.ClosingReason("Cancelled", "ILO", null), withdrawn.Round.ClosingReason);
        await ProblemAssert.IsProblem(ilo.Http.PostAsync($"/api/papers/{paper.Id}/withdraw", null), HttpStatusCode.Conflict, "wrong-state");

        var (published, _) = await SignedOffAsync("Published, then regretted");
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await secretariat.PublishAsync(published.Id, "S", []);
        await ProblemAssert.IsProblem(secretariat.Http.PostAsync($"/api/papers/{published.Id}/withdraw", null), HttpStatusCode.Conflict, "wrong-state");
    }
}
