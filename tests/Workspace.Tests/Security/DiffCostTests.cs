using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using Workspace.Server.Features.Papers;
using Workspace.Server.Http;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Security;

/// <summary>A diff costs a bounded amount whatever the revisions hold, and its compact answer still says everything.</summary>
public sealed class DiffCostTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private static string Repeat(string line, int times) => string.Concat(Enumerable.Repeat(line + "\n", times));

    [Fact]
    public async Task Two_crafted_revisions_of_two_hundred_thousand_different_lines_are_refused_with_a_clear_answer()
    {
        var (paper, revision) = await DraftAsync(host, "Crafted to be costly");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var a = await ilo.AddRevisionAsync(paper.Id, revision.Number, Repeat("a", 199_000));
        var b = await ilo.AddRevisionAsync(paper.Id, a.Number, Repeat("b", 199_000));

        var response = await ilo.Http.GetAsync($"/api/papers/{paper.Id}/diff?from={a.Number}&to={b.Number}");

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, "diff-too-large");
        Assert.Contains("199,000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_text_with_one_changed_line_answers_that_line_with_its_context_and_folds_the_rest()
    {
        var (paper, revision) = await DraftAsync(host, "Long but close");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var lines = Enumerable.Range(1, 30_000).Select(i => $"Line {i}").ToArray();
        var a = await ilo.AddRevisionAsync(paper.Id, revision.Number, string.Join('\n', lines) + "\n");
        lines[15_000] = "Line changed";
        var b = await ilo.AddRevisionAsync(paper.Id, a.Number, string.Join('\n', lines) + "\n");

        var diff = await ilo.Http.GetFromJsonAsync<JsonElement>($"/api/papers/{paper.Id}/diff?from={a.Number}&to={b.Number}");

        var entries = diff.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(1, diff.GetProperty("inserted").GetInt32());
        Assert.Equal(1, diff.GetProperty("deleted").GetInt32());
        Assert.Equal(2 + 2 * GetDiff.DefaultContext + 2, entries.Count);
        Assert.Equal(["Folded", "Unchanged", "Unchanged", "Unchanged", "Deleted", "Inserted", "Unchanged", "Unchanged", "Unchanged", "Folded"],
            entries.Select(e => e.GetProperty("change").GetString()));
        Assert.Equal(14_997, entries[0].GetProperty("count").GetInt32());
        Assert.Equal("Line 15001", entries[4].GetProperty("text").GetString());
        Assert.Equal(15_001, entries[5].GetProperty("newNumber").GetInt32());
        Assert.Equal(30_000 - 15_004, entries[^1].GetProperty("count").GetInt32());

        var whole = await ilo.Http.GetFromJsonAsync<JsonElement>($"/api/papers/{paper.Id}/diff?from={a.Number}&to={b.Number}&context=100000");
        Assert.Equal(30_001, whole.GetProperty("lines").GetArrayLength());
        await ProblemAssert.IsProblem(ilo.Http.GetAsync($"/api/papers/{paper.Id}/diff?from={a.Number}&to={b.Number}&context=-1"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public void Every_diff_gives_back_both_texts_and_folds_exactly_the_lines_it_leaves_out()
    {
        var text = Gen.Int[0, 30].SelectMany(n => Gen.OneOf("alpha", "beta", "gamma", "", "delta").Array[n]);
        Gen.Select(text, text, Gen.Int[0, 4]).Sample((old, @new, context) =>
        {
            // Each line ends with a line ending, of either kind.
            var oldText = string.Concat(old.Select(l => l + "\n"));
            var newText = string.Concat(@new.Select(l => l + "\r\n"));
            var view = GetDiff.Compare(1, 2, oldText, newText, context);
            var whole = GetDiff.Compare(1, 2, oldText, newText, int.MaxValue / 4);

            Assert.Equal(old, whole.Lines.Where(l => l.Change != GetDiff.LineChange.Inserted).Select(l => l.Text));
            Assert.Equal(@new, whole.Lines.Where(l => l.Change != GetDiff.LineChange.Deleted).Select(l => l.Text));
            Assert.Equal(Enumerable.Range(1, @new.Length).Cast<int?>(), whole.Lines.Where(l => l.NewNumber is not null && l.Change != GetDiff.LineChange.Folded).Select(l => l.NewNumber));
            Assert.DoesNotContain(whole.Lines, l => l.Change == GetDiff.LineChange.Folded);

            Assert.Equal(whole.Lines.Count, view.Lines.Sum(l => l.Count ?? 1));
            Assert.Equal((whole.Inserted, whole.Deleted), (view.Inserted, view.Deleted));
            Assert.Equal(whole.Lines.Where(l => l.Change != GetDiff.LineChange.Unchanged), view.Lines.Where(l => l.Change is GetDiff.LineChange.Inserted or GetDiff.LineChange.Deleted));
        }, iter: 2_000);
    }

    [Fact]
    public void A_diff_beyond_the_budget_is_refused_before_the_algorithm_runs()
    {
        var old = Repeat("a", GetDiff.MaxChangedLines + 1);
        var @new = Repeat("b", GetDiff.MaxChangedLines + 1);
        var refused = Assert.Throws<LimitExceededException>(() => GetDiff.Compare(1, 2, old, @new, 3));
        Assert.Equal("diff-too-large", refused.Code);
        Assert.Equal(2 * GetDiff.MaxChangedLines, GetDiff.Compare(1, 2, Repeat("a", GetDiff.MaxChangedLines), Repeat("b", GetDiff.MaxChangedLines), 3).Lines.Count);
    }
}
