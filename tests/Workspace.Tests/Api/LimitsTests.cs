using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Api;

/// <summary>A server that lets a person make five changes a minute.</summary>
public sealed class FiveWritesHost : WorkspaceHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Api:WritesPerMinute", "5")];
}

/// <summary>Changes per person a minute, by the server's clock: the sixth is 429 with Retry-After, and changes nothing.</summary>
public sealed class WriteRateTests(FiveWritesHost host) : IClassFixture<FiveWritesHost>
{
    [Fact]
    public async Task A_person_beyond_the_writes_a_minute_gets_429_until_the_minute_is_over_and_others_are_not_held_up()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await ilo.Http.PostAsJsonAsync("/api/papers", new { title = $"Paper {i}", kind = "IssueBrief", leadAgencyCode = "ILO", participatingAgencyCodes = new[] { "IOM" } })).StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        var refused = await ilo.Http.PostAsJsonAsync("/api/papers", new { title = "Paper refused", kind = "IssueBrief", leadAgencyCode = "ILO", participatingAgencyCodes = new[] { "IOM" } });
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        await ProblemAssert.IsProblem(refused, HttpStatusCode.TooManyRequests, "too-many-attempts");
        Assert.DoesNotContain(await ilo.ListPapersAsync(), p => p.Title is "Paper 5" or "Paper refused");

        // Reads are not counted; another person is not held up; a minute later, by the server's clock, the person goes on.
        Assert.Equal(HttpStatusCode.OK, (await ilo.Http.GetAsync("/api/papers")).StatusCode);
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Equal(HttpStatusCode.Created, (await iom.Http.PostAsJsonAsync("/api/papers", new { title = "IOM's paper", kind = "IssueBrief", leadAgencyCode = "IOM", participatingAgencyCodes = new[] { "ILO" } })).StatusCode);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Created, (await ilo.Http.PostAsJsonAsync("/api/papers", new { title = "Paper later", kind = "IssueBrief", leadAgencyCode = "ILO", participatingAgencyCodes = new[] { "IOM" } })).StatusCode);
    }
}

/// <summary>Lists that grow with the group's history come a page at a time, with a link to the next.</summary>
public sealed class PagingTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    [Fact]
    public async Task Papers_come_a_page_at_a_time_newest_first_with_a_link_to_the_next_and_the_client_reads_them_all()
    {
        var unicef = await host.ClientFor(WorkspaceHost.FocalPoint("UNICEF"));
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await unicef.CreatePaperAsync($"Paged paper {i}", "IssueBrief", "UNICEF", ["IOM"])).Id);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Every paper UNICEF may see, newest first (the demo's among them), read page by page by the client.
        var all = (await unicef.AllPagesAsync<JsonElement>("/api/papers?limit=2")).Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(Enumerable.Reverse(created), all.Where(created.Contains));
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(all, (await unicef.ListPapersAsync()).Select(p => p.Id));

        var first = await unicef.Http.GetAsync("/api/papers?limit=3");
        Assert.Equal(all.Take(3), (await first.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal("</api/papers?limit=3&offset=3>; rel=\"next\"", Assert.Single(first.Headers.GetValues("Link")));

        var last = await unicef.Http.GetAsync($"/api/papers?limit=3&offset={all.Count - 2}");
        Assert.Equal(all.Skip(all.Count - 2), (await last.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(p => p.GetProperty("id").GetGuid()));
        Assert.False(last.Headers.Contains("Link"));

        Assert.Equal(["limit"], ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(unicef.Http.GetAsync("/api/papers?limit=0"), HttpStatusCode.BadRequest, "validation")));
        Assert.Equal(["offset"], ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(unicef.Http.GetAsync("/api/publications?offset=-1"), HttpStatusCode.BadRequest, "validation")));
        Assert.Equal(["limit"], ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(unicef.Http.GetAsync("/api/me/notifications?limit=501"), HttpStatusCode.BadRequest, "validation")));
    }

    [Fact]
    public async Task Comments_and_meetings_come_a_page_at_a_time_in_their_order_and_the_pages_hold_each_once()
    {
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var paper = await ilo.CreatePaperAsync("Paged comments", "IssueBrief", "ILO", ["IOM"]);
        await ilo.AddRevisionAsync(paper.Id, 0, "# Paged comments\n\nA text.\n");
        var written = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            written.Add((await ilo.AddCommentAsync(paper.Id, 1, $"Comment {i}")).Id);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var comments = await ilo.Http.GetAsync($"/api/papers/{paper.Id}/comments?limit=2&offset=2");
        Assert.Equal(written.Skip(2).Take(2), (await comments.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal($"</api/papers/{paper.Id}/comments?limit=2&offset=4>; rel=\"next\"", Assert.Single(comments.Headers.GetValues("Link")));
        Assert.Equal(written, (await ilo.AllPagesAsync<JsonElement>($"/api/papers/{paper.Id}/comments?limit=2")).Select(c => c.GetProperty("id").GetGuid()));

        // Meetings by start, narrowed to a period and paged: the link keeps the period.
        var start = host.Clock.GetUtcNow().AddDays(30);
        var scheduled = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            scheduled.Add((await ilo.ScheduleMeetingAsync($"Paged meeting {i}", "Plenary", start.AddDays(i), 60, "Europe/Vienna")).Id);
        }

        var from = Uri.EscapeDataString(start.AddMinutes(-1).ToString("O"));
        var to = Uri.EscapeDataString(start.AddDays(10).ToString("O"));
        var meetings = await ilo.Http.GetAsync($"/api/meetings?from={from}&to={to}&limit=3");
        Assert.Equal(scheduled.Take(3), (await meetings.Content.ReadFromJsonAsync<List<JsonElement>>())!.Select(m => m.GetProperty("id").GetGuid()));
        var next = Assert.Single(meetings.Headers.GetValues("Link"));
        Assert.Contains("offset=3", next, StringComparison.Ordinal);
        Assert.Contains("from=", next, StringComparison.Ordinal);
        Assert.Equal(scheduled, (await ilo.AllPagesAsync<JsonElement>($"/api/meetings?from={from}&to={to}&limit=3")).Select(m => m.GetProperty("id").GetGuid()));
        Assert.Equal(scheduled, (await ilo.ListMeetingsAsync()).Select(m => m.Id).Where(scheduled.Contains));
    }
}
