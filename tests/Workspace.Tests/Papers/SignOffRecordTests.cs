using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Papers;

public sealed class SignOffRecordTestsOnSqlite(WorkspaceHost host) : SignOffRecordTests<WorkspaceHost>(host);

public sealed class SignOffRecordTestsOnPostgres(PostgresHost host) : SignOffRecordTests<PostgresHost>(host);

public abstract class SignOffRecordTests<THost>(THost host) : IClassFixture<THost>
    where THost : WorkspaceHost
{
    [Fact]
    public async Task The_record_says_who_approved_which_hash_when_and_how_and_each_line_matches_the_chain()
    {
        var (paper, first) = await DraftAsync(host, "Brief <on> record & trust");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await ilo.OpenRoundAsync(paper.Id, first.Number, "Silence", host.Clock.GetUtcNow().AddDays(3));
        await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).SignOffAsync(paper.Id, first.Number, first.ContentHash, "Object", "Mention labour migration.");
        var second = await ilo.AddRevisionAsync(paper.Id, first.Number, "# Brief\n\nWith labour migration.\n");
        await ilo.OpenRoundAsync(paper.Id, second.Number, "Unanimous", host.Clock.GetUtcNow().AddDays(3));
        await ApproveAsync(host, paper.Id, second, "ILO", "IOM", "UNHCR");
        await (await host.ClientFor(WorkspaceHost.Secretariat)).PublishAsync(paper.Id, "Summary", ["Global"]);

        var record = await (await host.HttpFor(WorkspaceHost.FocalPoint("UNHCR"))).GetFromJsonAsync<JsonElement>($"/api/papers/{paper.Id}/sign-off-record");

        Assert.True(record.GetProperty("verified").GetBoolean());
        var rounds = record.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(2, rounds.Count);
        Assert.Equal(("Silence", "Broken", first.ContentHash), (rounds[0].GetProperty("procedure").GetString(), rounds[0].GetProperty("status").GetString(), rounds[0].GetProperty("contentHash").GetString()));
        var objection = Assert.Single(rounds[0].GetProperty("decisions").EnumerateArray());
        Assert.Equal(("IOM", "Object", "Mention labour migration."), (objection.GetProperty("agencyCode").GetString(), objection.GetProperty("decision").GetString(), objection.GetProperty("comment").GetString()));
        Assert.Equal(("Unanimous", "Completed"), (rounds[1].GetProperty("procedure").GetString(), rounds[1].GetProperty("status").GetString()));
        var approvals = rounds[1].GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(["ILO", "IOM", "UNHCR"], approvals.Select(d => d.GetProperty("agencyCode").GetString()));
        Assert.All(approvals, d => Assert.Equal(second.ContentHash, d.GetProperty("contentHash").GetString()));
        Assert.Equal(WorkspaceHost.FocalPoint("UNHCR"), approvals[2].GetProperty("by").GetString());
        Assert.Equal(second.ContentHash, record.GetProperty("publication").GetProperty("contentHash").GetString());

        // Each cited event is the row of the log with that seq and that hash.
        foreach (var cited in approvals.Select(a => a.GetProperty("event")).Append(record.GetProperty("publication").GetProperty("event")))
        {
            Assert.Equal(cited.GetProperty("hash").GetString(), await HashOfRowAsync(cited.GetProperty("seq").GetInt64()));
        }

        // Someone who edits a decision's event in the file is caught.
        var seq = approvals[0].GetProperty("event").GetProperty("seq").GetInt64();
        await host.ExecuteSqlAsync("""UPDATE "EventLog" SET "Data" = replace("Data", 'Approve', 'Object') WHERE "Seq" = @seq""", ("@seq", seq));
        var tampered = await (await host.HttpFor(WorkspaceHost.Secretariat)).GetFromJsonAsync<JsonElement>($"/api/papers/{paper.Id}/sign-off-record");
        Assert.False(tampered.GetProperty("verified").GetBoolean());
        await host.ExecuteSqlAsync("""UPDATE "EventLog" SET "Data" = replace("Data", 'Object', 'Approve') WHERE "Seq" = @seq""", ("@seq", seq));
    }

    [Fact]
    public async Task The_record_prints_as_a_plain_page_with_every_text_encoded_and_stays_hidden_from_others()
    {
        var (paper, revision) = await InSignOffAsync(host, "Paper <script>alert(1)</script>", "Unanimous", TimeSpan.FromDays(2));
        await ApproveAsync(host, paper.Id, revision, "IOM");
        var ilo = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/papers/{paper.Id}/sign-off-record");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var page = await ilo.SendAsync(request);

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Sign-off record: Paper &lt;script&gt;alert(1)&lt;/script&gt;</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">IOM</th><td>Approve</td>", html, StringComparison.Ordinal);
        await ProblemAssert.IsProblem((await host.HttpFor(WorkspaceHost.FocalPoint("OHCHR"))).GetAsync($"/api/papers/{paper.Id}/sign-off-record"), HttpStatusCode.NotFound);
    }

    private async Task<string> HashOfRowAsync(long seq) =>
        (string)(await host.QueryScalarAsync("""SELECT "Hash" FROM "EventLog" WHERE "Seq" = @seq""", ("@seq", seq)))!;
}
