using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Security;

/// <summary>
/// Random sequences of paper commands through the whole server, by people of every kind, with arguments often
/// wrong: never a 500 (the host fails the class on one), and every refused request leaves the log as it was.
/// </summary>
public sealed class ApiSequenceProperties(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private static readonly string[] People = [WorkspaceHost.FocalPoint("ILO"), WorkspaceHost.FocalPoint("IOM"), WorkspaceHost.FocalPoint("UNHCR"),
        WorkspaceHost.FocalPoint("OHCHR"), WorkspaceHost.Secretariat];

    public sealed record Request(int Command, int Person, int Offset, bool Right);

    [Fact]
    public async Task Any_sequence_of_requests_gets_answers_never_a_500_and_refusals_change_nothing()
    {
        var calls = Gen.Select(Gen.Int[0, 7], Gen.Int[0, People.Length - 1], Gen.Int[-1, 1], Gen.Bool).Select((c, p, o, r) => new Request(c, p, o, r)).Array[40, 60];
        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        var refused = 0;
        await calls.SampleAsync(async sequence =>
        {
            var (paper, _) = await DraftAsync(host, "Random walk " + Guid.NewGuid().ToString("N")[..6]);
            foreach (var call in sequence)
            {
                var http = await host.HttpFor(People[call.Person]);
                var view = await secretariat.GetFromJsonAsync<JsonElement>($"/api/papers/{paper.Id}");
                var latest = view.GetProperty("latestRevision").GetProperty("number").GetInt32() + call.Offset;
                var hash = call.Right && view.GetProperty("round").ValueKind == JsonValueKind.Object
                    ? view.GetProperty("round").GetProperty("contentHash").GetString()
                    : Sha("not the text");
                var before = await secretariat.GetStringAsync("/api/events?limit=1000&after=0");
                var response = call.Command switch
                {
                    0 => await http.PostAsJsonAsync($"/api/papers/{paper.Id}/revisions", new { baseRevision = latest, body = $"# Text {latest}\n" }),
                    1 => await http.PostAsJsonAsync($"/api/papers/{paper.Id}/rounds", new { revision = latest, procedure = call.Right ? "Unanimous" : "Silence", deadline = host.Clock.GetUtcNow().AddDays(call.Offset + 1) }),
                    2 => await http.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs", new { revision = latest, contentHash = hash, decision = "Approve" }),
                    3 => await http.PostAsJsonAsync($"/api/papers/{paper.Id}/sign-offs", new { revision = latest, contentHash = hash, decision = "Object", comment = call.Right ? "No." : null }),
                    4 => await http.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "S", tags = new[] { "Global" } }),
                    5 => await http.PostAsync($"/api/papers/{paper.Id}/withdraw", null),
                    6 => await http.PostAsJsonAsync($"/api/papers/{paper.Id}/comments", new { revision = latest, text = "Comment" }),
                    _ => await http.GetAsync($"/api/papers/{paper.Id}/diff?from={Math.Max(1, latest)}&to=1"),
                };

                Assert.True((int)response.StatusCode < 500, $"{call}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                if (!response.IsSuccessStatusCode)
                {
                    refused++;
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.Equal(before, await secretariat.GetStringAsync("/api/events?limit=1000&after=0"));
                }
            }
        }, iter: 4, threads: 1);

        Assert.True(refused > 20, $"only {refused} refusals: the sequences are too tame to prove anything");
    }
}
