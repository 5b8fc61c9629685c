using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Consultations;

/// <summary>
/// A draft opened to public comment: anyone comments without an account, confirms their address by the link
/// mailed to them (through the test's own SMTP server), a moderator approves or rejects, the public page shows
/// only what was approved and never an address, and the consultation closes at its deadline by the fake clock.
/// </summary>
public sealed partial class ConsultationTests(MailHost host) : IClassFixture<MailHost>
{
    [GeneratedRegex(@"https?://\S+/consultations/confirm\?t=(?<token>[A-Za-z0-9_\-.]+)")]
    private static partial Regex ConfirmLink();

    private async Task<(Paper Paper, Guid Consultation)> OpenAsync(string title, TimeSpan open)
    {
        var (paper, revision) = await DraftAsync(host, title);
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var response = await ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/consultations", new { revision = revision.Number, deadline = host.Clock.GetUtcNow() + open });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = await response.Content.ReadFromJsonAsync<JsonElement>(WorkspaceClient.Json);
        return (paper, opened.GetProperty("id").GetGuid());
    }

    private async Task<string> ConfirmationTokenAsync(string email)
    {
        await host.DeliverMailAsync();
        var mail = Assert.Single(host.Smtp.To(email, "Confirm your comment"));
        return ConfirmLink().Match(mail.TextBody ?? "").Groups["token"].Value;
    }

    [Fact]
    public async Task A_comment_from_anyone_is_confirmed_by_mail_moderated_and_then_shown_publicly_without_its_address()
    {
        await host.Smtp.StartAsync();
        var (_, id) = await OpenAsync("Issue paper open to comment", TimeSpan.FromDays(14));
        using var anonymous = host.Anonymous();
        var ilosMail = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        Assert.Equal(HttpStatusCode.OK, (await ilosMail.PutAsJsonAsync("/api/me/mail-settings", new { kinds = new Dictionary<string, string> { ["consultation-comment"] = "Immediate" } })).StatusCode);

        var sent = await anonymous.PostAsJsonAsync($"/api/consultations/{id}/comments",
            new { name = "Ana Lima", organization = "Rede Anti-Tráfico", email = "ana@example.org", text = "Section 2 should name <b>debt bondage</b> explicitly.", section = "2" });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var rejected = await anonymous.PostAsJsonAsync($"/api/consultations/{id}/comments",
            new { name = "Buy now", organization = "", email = "spam@example.net", text = "Cheap watches." });
        Assert.Equal(HttpStatusCode.Accepted, rejected.StatusCode);

        // Nothing is moderated, let alone public, before its author confirms.
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var queue = (await ilo.Http.GetFromJsonAsync<List<JsonElement>>($"/api/consultations/{id}/moderation", WorkspaceClient.Json))!;
        Assert.All(queue, c => Assert.Equal("Unconfirmed", c.GetProperty("status").GetString()));
        var first = queue.Single(c => c.GetProperty("email").GetString() == "ana@example.org").GetProperty("id").GetGuid();
        var second = queue.Single(c => c.GetProperty("email").GetString() == "spam@example.net").GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/consultation-comments/{first}/moderation", new { decision = "Approve" }), HttpStatusCode.Conflict, "comment-unconfirmed");

        foreach (var email in new[] { "ana@example.org", "spam@example.net" })
        {
            var token = await ConfirmationTokenAsync(email);
            var confirmed = await anonymous.PostAsync($"/api/consultations/comments/confirm?t={token}", null);
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Equal("Pending", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        await ProblemAssert.IsProblem(anonymous.PostAsync("/api/consultations/comments/confirm?t=forged.token", null), HttpStatusCode.NotFound);
        Assert.Contains(await ilo.ListNotificationsAsync(), n => n.Kind == "consultation-comment");
        // Mailed in the morning digest by default; at once for whoever chose so.
        await host.DeliverMailAsync();
        var moderationMail = host.Smtp.To(WorkspaceHost.FocalPoint("UNHCR"), "Comment to moderate: Issue paper open to comment");
        Assert.Empty(moderationMail);
        var immediate = host.Smtp.To(WorkspaceHost.FocalPoint("ILO"), "Comment to moderate: Issue paper open to comment");
        Assert.Equal(2, immediate.Count);
        Assert.Contains($"{host.BaseAddress}consultations/{id}/moderation", immediate[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("reason", ProblemAssert.ErrorFields(await ProblemAssert.IsProblem(
            ilo.Http.PostAsJsonAsync($"/api/consultation-comments/{second}/moderation", new { decision = "Reject" }), HttpStatusCode.BadRequest)));
        // Every participating agency reads the comments; the lead agency (or the secretariat) decides what is published.
        var iom = await host.ClientFor(WorkspaceHost.FocalPoint("IOM"));
        Assert.Equal(2, (await iom.Http.GetFromJsonAsync<List<JsonElement>>($"/api/consultations/{id}/moderation", WorkspaceClient.Json))!.Count);
        await ProblemAssert.IsProblem(iom.Http.PostAsJsonAsync($"/api/consultation-comments/{first}/moderation", new { decision = "Approve" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await ilo.Http.PostAsJsonAsync($"/api/consultation-comments/{first}/moderation", new { decision = "Approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ilo.Http.PostAsJsonAsync($"/api/consultation-comments/{second}/moderation", new { decision = "Reject", reason = "Advertising." })).StatusCode);

        var page = await anonymous.GetStringAsync($"/api/consultations/{id}");
        var shown = JsonDocument.Parse(page).RootElement;
        Assert.Equal(("Issue paper open to comment", "Open"), (shown.GetProperty("title").GetString(), shown.GetProperty("status").GetString()));
        Assert.Contains("The members of the group call on States to act.", shown.GetProperty("body").GetString(), StringComparison.Ordinal);
        var comment = Assert.Single(shown.GetProperty("comments").EnumerateArray());
        Assert.Equal(("Ana Lima", "Section 2 should name <b>debt bondage</b> explicitly."), (comment.GetProperty("name").GetString(), comment.GetProperty("text").GetString()));
        Assert.DoesNotContain("example.org", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cheap watches", page, StringComparison.Ordinal);

        // The public sees the opening and the approval in the log; the rejection stays with those who moderate.
        var seen = await (await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"))).ReadEventsAsync(0, 1000);
        Assert.Contains(seen, e => e.Type == "consultation.opened" && e.Subject.Id == id.ToString());
        Assert.Contains(seen, e => e.Type == "consultation.comment-approved" && e.Subject.Id == id.ToString());
        Assert.DoesNotContain(seen, e => e.Type == "consultation.comment-moderated" && e.Subject.Id == id.ToString());

        // Those who moderate are the paper's agencies and the secretariat: anyone else is told nothing exists.
        var ohchr = await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"));
        await ProblemAssert.IsProblem(ohchr.Http.GetAsync($"/api/consultations/{id}/moderation"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblem(ohchr.Http.PostAsJsonAsync($"/api/consultation-comments/{first}/moderation", new { decision = "Spam" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await (await host.HttpFor(WorkspaceHost.Secretariat)).GetAsync($"/api/consultations/{id}/moderation")).StatusCode);
    }

    [Fact]
    public async Task A_filled_honeypot_is_thanked_and_kept_nowhere_and_bad_input_is_400()
    {
        await host.Smtp.StartAsync();
        var (_, id) = await OpenAsync("Brief open to comment", TimeSpan.FromDays(14));
        using var anonymous = host.Anonymous();

        var bot = await anonymous.PostAsJsonAsync($"/api/consultations/{id}/comments",
            new { name = "Bot", organization = "", email = "bot@example.net", text = "Visit my site.", website = "https://spam.example" });
        Assert.Equal(HttpStatusCode.Accepted, bot.StatusCode);
        Assert.Empty((await (await host.HttpFor(WorkspaceHost.Secretariat)).GetFromJsonAsync<List<JsonElement>>($"/api/consultations/{id}/moderation", WorkspaceClient.Json))!);

        var bad = await ProblemAssert.IsProblem(anonymous.PostAsJsonAsync($"/api/consultations/{id}/comments",
            new { name = "", email = "not an address", text = new string('x', 5_001) }), HttpStatusCode.BadRequest);
        Assert.Equal(["email", "name", "text"], ProblemAssert.ErrorFields(bad).Order());
        await ProblemAssert.IsProblem(anonymous.GetAsync($"/api/consultations/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Moderators_link_a_comment_to_the_revision_that_answers_it_export_every_comment_and_the_report_counts_them()
    {
        await host.Smtp.StartAsync();
        var (paper, id) = await OpenAsync("Paper answering its public", TimeSpan.FromDays(14));
        using var anonymous = host.Anonymous();
        await anonymous.PostAsJsonAsync($"/api/consultations/{id}/comments",
            new { name = "=HYPERLINK(\"http://evil\")", organization = "Watch, \"quoted\"", email = "watch@example.org", text = "Line one\nline two" });
        var token = await ConfirmationTokenAsync("watch@example.org");
        await anonymous.PostAsync($"/api/consultations/comments/confirm?t={token}", null);

        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var comment = (await ilo.Http.GetFromJsonAsync<List<JsonElement>>($"/api/consultations/{id}/moderation", WorkspaceClient.Json))!.Single().GetProperty("id").GetGuid();
        await ProblemAssert.IsProblem(ilo.Http.PostAsJsonAsync($"/api/consultation-comments/{comment}/answer", new { revision = 2 }), HttpStatusCode.Conflict, "unknown-revision");
        await ilo.AddRevisionAsync(paper.Id, 1, "# Paper answering its public\n\nRevised after the consultation.\n");
        var answered = await ilo.Http.PostAsJsonAsync($"/api/consultation-comments/{comment}/answer", new { revision = 2 });
        Assert.Equal(2, (await answered.Content.ReadFromJsonAsync<JsonElement>(WorkspaceClient.Json)).GetProperty("answeredInRevision").GetInt32());

        var csv = await ilo.Http.GetStringAsync($"/api/consultations/{id}/comments.csv");
        Assert.StartsWith("received,status,name,organization,email,section,comment,answered_in_revision,moderation_reason\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"Watch, \"\"quoted\"\"\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"Line one\nline two\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"2\"", csv, StringComparison.Ordinal);
        await ProblemAssert.IsProblem((await host.ClientFor(WorkspaceHost.FocalPoint("OHCHR"))).Http.GetAsync($"/api/consultations/{id}/comments.csv"), HttpStatusCode.NotFound);

        var year = host.Clock.GetUtcNow().Year;
        var report = await (await ilo.Http.PostAsJsonAsync("/api/reports/annual", new { from = $"{year}-01-01", to = $"{year}-12-31" })).Content.ReadFromJsonAsync<Paper>(WorkspaceClient.Json);
        var body = (await ilo.GetRevisionAsync(report!.Id, 1)).Body;
        Assert.Contains("- *Paper answering its public*, open from", body, StringComparison.Ordinal);
        Assert.Matches(@"Paper answering its public\*, open from [^:]+: 1 comment received, 0 published", body);
    }

    [Fact]
    public async Task The_consultation_closes_at_its_deadline_and_takes_no_more_comments()
    {
        var (_, id) = await OpenAsync("Submission open for a day", TimeSpan.FromDays(1));
        host.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await host.CloseConsultationsAsync());
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await host.CloseConsultationsAsync());

        using var anonymous = host.Anonymous();
        Assert.Equal("Closed", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}")).GetProperty("status").GetString());
        await ProblemAssert.IsProblem(anonymous.PostAsJsonAsync($"/api/consultations/{id}/comments",
            new { name = "Late", organization = "", email = "late@example.org", text = "Too late?" }), HttpStatusCode.Conflict, "consultation-closed");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        Assert.Contains(await ilo.ListNotificationsAsync(), n => n.Kind == "consultation-closed");
        Assert.Equal(0, await host.CloseConsultationsAsync());
    }
}

/// <summary>The limits on comments from the public, on a server of their own (the limit per client address holds across the server).</summary>
public sealed class ConsultationLimitTests(MailHost host) : IClassFixture<MailHost>
{
    [Fact]
    public async Task Comments_beyond_the_limit_per_client_address_are_429_with_retry_after()
    {
        var (paper, revision) = await DraftAsync(host, "Paper with many comments");
        var ilo = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        var opened = await (await ilo.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/consultations", new { revision = revision.Number, deadline = host.Clock.GetUtcNow().AddDays(7) }))
            .Content.ReadFromJsonAsync<JsonElement>(WorkspaceClient.Json);
        var id = opened.GetProperty("id").GetGuid();
        using var anonymous = host.Anonymous();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < Workspace.Server.Features.Consultations.PublicCommentThrottle.PerTenMinutes + 1; i++)
        {
            var response = await anonymous.PostAsJsonAsync($"/api/consultations/{id}/comments", new { name = $"Person {i}", organization = "", email = $"p{i}@example.org", text = "A view." });
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter is not null);
                await ProblemAssert.IsProblem(response, HttpStatusCode.TooManyRequests, "too-many-attempts");
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, Workspace.Server.Features.Consultations.PublicCommentThrottle.PerTenMinutes).Append(HttpStatusCode.TooManyRequests), answers);
        Assert.Equal(Workspace.Server.Features.Consultations.PublicCommentThrottle.PerTenMinutes,
            (await (await host.HttpFor(WorkspaceHost.Secretariat)).GetFromJsonAsync<List<JsonElement>>($"/api/consultations/{id}/moderation", WorkspaceClient.Json))!.Count);

        // Ten minutes later, by the server's clock, the address may comment again.
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync($"/api/consultations/{id}/comments",
            new { name = "Patient", organization = "", email = "patient@example.org", text = "Later." })).StatusCode);
    }
}
