using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Papers;

public sealed class DraftingTestsOnSqlite(WorkspaceHost host) : DraftingTests<WorkspaceHost>(host);

public sealed class DraftingTestsOnPostgres(PostgresHost host) : DraftingTests<PostgresHost>(host);

public abstract class DraftingTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task The_lead_starts_a_paper_in_drafting_and_is_always_a_participant()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var response = await ilo.Http.PostAsJsonAsync("/api/papers",
            new { title = "Joint statement on forced labour", kind = "JointStatement", leadAgencyCode = "ILO", participatingAgencyCodes = new[] { "UNICEF", "IOM" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var paper = (await response.Content.ReadFromJsonAsync<Paper>(WorkspaceClient.Json))!;
        Assert.Equal($"/api/papers/{paper.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Drafting", paper.State);
        Assert.Equal(["ILO", "IOM", "UNICEF"], paper.ParticipatingAgencyCodes);
        Assert.Null(paper.LatestRevision);
        Assert.Null(paper.Round);
        Assert.Contains("AddRevision", paper.AllowedActions);
        Assert.Contains("OpenRound", paper.AllowedActions);
    }

    [Fact]
    public async Task Only_the_lead_agency_or_the_secretariat_starts_a_paper_for_that_lead()
    {
        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        await ProblemAssert.IsProblem(iom.PostAsJsonAsync("/api/papers",
            new { title = "Not mine", kind = "IssueBrief", leadAgencyCode = "ILO", participatingAgencyCodes = new[] { "IOM" } }), HttpStatusCode.Forbidden);

        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var paper = await secretariat.CreatePaperAsync("Annual report of the co-chairs", "AnnualReport", "UNHCR", ["ILO"]);
        Assert.Equal("UNHCR", paper.LeadAgencyCode);
    }

    [Theory]
    [InlineData("{\"title\":\"\",\"kind\":\"IssueBrief\",\"leadAgencyCode\":\"ILO\",\"participatingAgencyCodes\":[]}", "title")]
    [InlineData("{\"title\":\"T\",\"leadAgencyCode\":\"ILO\",\"participatingAgencyCodes\":[]}", "kind")]
    [InlineData("{\"title\":\"T\",\"kind\":\"Novel\",\"leadAgencyCode\":\"ILO\",\"participatingAgencyCodes\":[]}", "kind")]
    [InlineData("{\"title\":\"T\",\"kind\":\"IssueBrief\",\"leadAgencyCode\":\"ILO\",\"participatingAgencyCodes\":[\"NOPE\"]}", "participatingAgencyCodes")]
    [InlineData("{\"title\":\"T\",\"kind\":\"IssueBrief\",\"leadAgencyCode\":\"ILO\",\"participatingAgencyCodes\":[],\"workingGroupId\":\"7d1c1f5e-0000-0000-0000-000000000000\"}", "workingGroupId")]
    public async Task A_malformed_paper_is_400_naming_the_field(string json, string field)
    {
        var ilo = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        var problem = await ProblemAssert.IsProblem(ilo.PostAsync("/api/papers", new StringContent(json, System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        Assert.Contains(field, ProblemAssert.ErrorFields(problem));
    }

    [Fact]
    public async Task A_draft_is_invisible_to_agencies_that_do_not_participate()
    {
        var (paper, _) = await DraftAsync(host, "Draft issue brief on online exploitation");
        var who = await host.ClientFor(WorkspaceHost.FocalPoint("WHO"));

        await ProblemAssert.IsProblem(who.Http.GetAsync($"/api/papers/{paper.Id}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(who.Http.GetAsync($"/api/papers/{paper.Id}/revisions/1"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(who.Http.GetAsync($"/api/papers/{paper.Id}/comments"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(who.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/revisions", new { baseRevision = 1, body = "x" }), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await who.ListPapersAsync(), p => p.Id == paper.Id);
        Assert.DoesNotContain(await who.ReadEventsAsync(0, 1000), e => e.Subject.Id == paper.Id.ToString());
        var board = await who.Http.GetFromJsonAsync<List<JsonElement>>("/api/sign-off-status");
        Assert.DoesNotContain(board!, row => row.GetProperty("paperId").GetGuid() == paper.Id);

        // An unknown paper answers exactly the same.
        var unknown = await ProblemAssert.IsProblem(who.Http.GetAsync($"/api/papers/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        var hidden = await ProblemAssert.IsProblem(who.Http.GetAsync($"/api/papers/{paper.Id}"), HttpStatusCode.NotFound);
        Assert.Equal(unknown.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());

        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Equal(paper.Id, (await iom.GetPaperAsync(paper.Id)).Id);
        Assert.Contains(await iom.ReadEventsAsync(0, 1000), e => e.Type == "paper.created" && e.Subject.Id == paper.Id.ToString());
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        Assert.Equal(paper.Id, (await secretariat.GetPaperAsync(paper.Id)).Id);
    }

    [Fact]
    public async Task Revisions_are_numbered_and_hashed_and_kept()
    {
        var (paper, first) = await DraftAsync(host, "Issue paper on recruitment fees");
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        const string body = "# Recruitment fees\n\nWorkers should never pay recruitment fees.\n";
        var response = await iom.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/revisions", new { baseRevision = 1, body });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/papers/{paper.Id}/revisions/2", response.Headers.Location?.OriginalString);
        var second = (await response.Content.ReadFromJsonAsync<RevisionSummary>(WorkspaceClient.Json))!;
        Assert.Equal(2, second.Number);
        Assert.Equal(Sha(body), second.ContentHash);
        Assert.Equal(WorkspaceHost.FocalPoint("IOM"), second.Author);

        var stored = await iom.GetRevisionAsync(paper.Id, 2);
        Assert.Equal(body, stored.Body);
        Assert.Equal("IOM", stored.AuthorAgencyCode);
        Assert.Equal(first.ContentHash, (await iom.GetRevisionAsync(paper.Id, 1)).ContentHash);
        Assert.Equal(2, (await iom.GetPaperAsync(paper.Id)).LatestRevision!.Number);
        await ProblemAssert.IsProblem(iom.Http.GetAsync($"/api/papers/{paper.Id}/revisions/3"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revision_on_a_stale_base_is_409_with_the_current_revision_and_is_not_stored()
    {
        var (paper, _) = await DraftAsync(host, "Brief on debt bondage");
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        await unhcr.AddRevisionAsync(paper.Id, 1, "UNHCR's edit");

        var iom = await host.HttpFor(WorkspaceHost.FocalPoint("IOM"));
        var problem = await ProblemAssert.IsProblem(iom.PostAsJsonAsync($"/api/papers/{paper.Id}/revisions", new { baseRevision = 1, body = "IOM's edit" }),
            HttpStatusCode.Conflict, "stale-revision");
        Assert.Equal(2, problem.GetProperty("currentRevision").GetInt32());
        Assert.Equal("UNHCR's edit", (await unhcr.GetRevisionAsync(paper.Id, 2)).Body);
        Assert.Equal(2, (await unhcr.GetPaperAsync(paper.Id)).LatestRevision!.Number);
    }

    [Fact]
    public async Task Thirty_concurrent_writers_on_one_base_make_one_revision_and_twenty_nine_conflicts()
    {
        var (paper, _) = await DraftAsync(host, "Contested statement", "ILO", "IOM", "UNHCR", "UNICEF");
        var writers = await Task.WhenAll(new[] { "ILO", "IOM", "UNHCR", "UNICEF" }.Select(a => host.HttpFor(WorkspaceHost.FocalPoint(a))));

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            writers[i % writers.Length].PostAsJsonAsync($"/api/papers/{paper.Id}/revisions", new { baseRevision = 1, body = $"Edit number {i}" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(29, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        Assert.Equal(2, (await ilo.GetPaperAsync(paper.Id)).LatestRevision!.Number);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<RevisionSummary>(WorkspaceClient.Json);
        Assert.Equal(winner!.ContentHash, Sha((await ilo.GetRevisionAsync(paper.Id, 2)).Body));
    }

    [Fact]
    public async Task The_secretariat_sees_a_draft_but_does_not_write_it_unless_its_agency_participates()
    {
        var (paper, _) = await DraftAsync(host, "Secretariat-watched brief");
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync($"/api/papers/{paper.Id}/revisions", new { baseRevision = 1, body = "x" }),
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_diff_shows_lines_inserted_and_deleted()
    {
        var (paper, _) = await DraftAsync(host, "Diffed brief");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ilo.AddRevisionAsync(paper.Id, 1, "# Diffed brief\n\nThe members of the group urge States to act now.\n");

        var diff = await ilo.Http.GetFromJsonAsync<JsonElement>($"/api/papers/{paper.Id}/diff?from=1&to=2");
        var lines = diff.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("change").GetString(), l.GetProperty("text").GetString())).ToList();

        Assert.Contains(("Deleted", "The members of the group call on States to act."), lines);
        Assert.Contains(("Inserted", "The members of the group urge States to act now."), lines);
        Assert.Contains(("Unchanged", "# Diffed brief"), lines);
        Assert.Equal(1, diff.GetProperty("inserted").GetInt32());
        Assert.Equal(1, diff.GetProperty("deleted").GetInt32());
        await ProblemAssert.IsProblem(ilo.Http.GetAsync($"/api/papers/{paper.Id}/diff?from=1&to=9"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(ilo.Http.GetAsync($"/api/papers/{paper.Id}/diff?from=0&to=1"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Comments_are_on_a_revision_and_listed_in_order()
    {
        var (paper, _) = await DraftAsync(host, "Commented brief");
        var unhcr = await host.ClientFor(WorkspaceHost.FocalPoint("UNHCR"));
        var response = await unhcr.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/comments", new { revision = 1, text = "Please mention refugees explicitly." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsJsonAsync($"/api/papers/{paper.Id}/comments", new { revision = 1, text = "Noted." })).StatusCode);

        var comments = await unhcr.Http.GetFromJsonAsync<List<JsonElement>>($"/api/papers/{paper.Id}/comments");
        Assert.Equal(["Please mention refugees explicitly.", "Noted."], comments!.Select(c => c.GetProperty("text").GetString()));
        Assert.Equal("UNHCR", comments![0].GetProperty("authorAgencyCode").GetString());
        Assert.Equal(1, comments[0].GetProperty("revision").GetInt32());

        await ProblemAssert.IsProblem(unhcr.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/comments", new { revision = 5, text = "On nothing" }),
            HttpStatusCode.Conflict, "unknown-revision");
        await ProblemAssert.IsProblem(unhcr.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/comments", new { revision = 1, text = "" }),
            HttpStatusCode.BadRequest);
        Assert.Contains(await unhcr.ReadEventsAsync(0, 1000), e => e.Type == "paper.comment-added" && e.Subject.Id == paper.Id.ToString());
    }
}
