using System.Net;
using System.Net.Http.Json;
using Workspace.Client;
using Workspace.Tests.Infrastructure;
using static Workspace.Tests.Papers.PaperScenario;

namespace Workspace.Tests.Security;

/// <summary>
/// Someone who can write the database file but not read the chain key or rewrite the anchor: whatever they
/// change in the state tables is refused where it would be served or published, and the audit names it.
/// </summary>
public sealed class IntegrityTests(WorkspaceHost host) : IClassFixture<WorkspaceHost>
{
    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private async Task<AuditResult> VerifyAsync() => await (await host.ClientFor(WorkspaceHost.Secretariat)).VerifyAuditAsync();

    private async Task<(Paper Paper, RevisionSummary Revision)> SignedOffAsync(string title)
    {
        var (paper, revision) = await InSignOffAsync(host, title, "Unanimous", TimeSpan.FromDays(7));
        await ApproveAsync(host, paper.Id, revision, "ILO", "IOM", "UNHCR");
        return (paper, revision);
    }

    /// <summary>Puts the audit back where it was, so each test sees only its own finding.</summary>
    private Task<int> RestoreAsync(string sql, params (string, object)[] parameters) => host.ExecuteSqlAsync(sql, parameters);

    [Fact]
    public async Task A_revision_edited_in_the_file_with_its_hash_column_is_not_served_and_the_audit_names_it()
    {
        var (paper, revision) = await DraftAsync(host, "Edited in the file");
        var forged = "# Edited in the file\n\nSomething no agency wrote.\n";
        await host.ExecuteSqlAsync("UPDATE Revisions SET Body = @body, ContentHash = @hash WHERE PaperId = @id AND Number = 1",
            ("@body", forged), ("@hash", Sha(forged)), ("@id", Id(paper.Id)));

        var ilo = await host.HttpFor(WorkspaceHost.FocalPoint("ILO"));
        await ProblemAssert.IsProblem(ilo.GetAsync($"/api/papers/{paper.Id}/revisions/1"), HttpStatusCode.Conflict, "content-mismatch");
        var audit = await VerifyAsync();
        Assert.False(audit.Ok);
        Assert.Contains(audit.Problems, p => p.Contains($"{paper.Id}, revision 1", StringComparison.Ordinal));

        var original = (await ilo.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/api/papers/{paper.Id}/revisions"))!;
        await RestoreAsync("UPDATE Revisions SET Body = @body, ContentHash = @hash WHERE PaperId = @id AND Number = 1",
            ("@body", $"# Edited in the file\n\nThe members of the group call on States to act.\n"), ("@hash", revision.ContentHash), ("@id", Id(paper.Id)));
        Assert.NotEmpty(original);
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_consistent_forgery_of_a_signed_off_text_is_not_published()
    {
        var (paper, revision) = await SignedOffAsync("Forged before publication");
        var forged = "# Forged before publication\n\nA text no agency approved.\n";
        await host.ExecuteSqlAsync("UPDATE Revisions SET Body = @body, ContentHash = @hash WHERE PaperId = @id AND Number = 1",
            ("@body", forged), ("@hash", Sha(forged)), ("@id", Id(paper.Id)));
        await host.ExecuteSqlAsync("UPDATE Rounds SET ContentHash = @hash WHERE PaperId = @id", ("@hash", Sha(forged)), ("@id", Id(paper.Id)));

        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(secretariat.Http.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "S", tags = Array.Empty<string>() }),
            HttpStatusCode.Conflict, "content-mismatch");
        Assert.DoesNotContain(await secretariat.ListPublicationsAsync(), p => p.PaperId == paper.Id);
        var audit = await VerifyAsync();
        Assert.Contains(audit.Problems, p => p.Contains($"{paper.Id}, round 1", StringComparison.Ordinal));

        await RestoreAsync("UPDATE Revisions SET Body = @body, ContentHash = @hash WHERE PaperId = @id AND Number = 1",
            ("@body", "# Forged before publication\n\nThe members of the group call on States to act.\n"), ("@hash", revision.ContentHash), ("@id", Id(paper.Id)));
        await RestoreAsync("UPDATE Rounds SET ContentHash = @hash WHERE PaperId = @id", ("@hash", revision.ContentHash), ("@id", Id(paper.Id)));
        Assert.True((await VerifyAsync()).Ok, string.Join("\n", (await VerifyAsync()).Problems));
    }

    [Fact]
    public async Task Publishing_follows_the_log_where_the_tables_and_the_log_disagree_on_who_approved()
    {
        var (paper, _) = await SignedOffAsync("Approved by the tables only");
        // The log is made to say that UNHCR's last word was an objection; the tables still say all approved.
        await host.ExecuteSqlAsync("UPDATE EventLog SET Data = replace(Data, '\"decision\":\"Approve\"', '\"decision\":\"Object\"') " +
            "WHERE Type = 'paper.sign-off-recorded' AND SubjectId = @id AND Data LIKE '%UNHCR%'", ("@id", paper.Id.ToString()));

        var secretariat = await host.HttpFor(WorkspaceHost.Secretariat);
        await ProblemAssert.IsProblem(secretariat.PostAsJsonAsync($"/api/papers/{paper.Id}/publish", new { summary = "S", tags = Array.Empty<string>() }),
            HttpStatusCode.Conflict, "content-mismatch");
        Assert.False((await VerifyAsync()).Ok);

        await RestoreAsync("UPDATE EventLog SET Data = replace(Data, '\"decision\":\"Object\"', '\"decision\":\"Approve\"') " +
            "WHERE Type = 'paper.sign-off-recorded' AND SubjectId = @id AND Data LIKE '%UNHCR%'", ("@id", paper.Id.ToString()));
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_published_text_edited_afterwards_is_not_served()
    {
        var (paper, _) = await SignedOffAsync("Edited after publication");
        await (await host.ClientFor(WorkspaceHost.Secretariat)).PublishAsync(paper.Id, "Summary", ["Global"]);
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/publications/{paper.Id}")).StatusCode);

        await host.ExecuteSqlAsync("UPDATE Revisions SET Body = Body || 'One more sentence.' WHERE PaperId = @id AND Number = 1", ("@id", Id(paper.Id)));

        await ProblemAssert.IsProblem(anonymous.GetAsync($"/api/publications/{paper.Id}"), HttpStatusCode.Conflict, "content-mismatch");
        Assert.False((await VerifyAsync()).Ok);
        await RestoreAsync("UPDATE Revisions SET Body = replace(Body, 'One more sentence.', '') WHERE PaperId = @id AND Number = 1", ("@id", Id(paper.Id)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/publications/{paper.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_decision_or_a_participant_changed_in_the_tables_is_named_by_the_audit()
    {
        var (paper, revision) = await InSignOffAsync(host, "Decisions checked", "Unanimous", TimeSpan.FromDays(7));
        await (await host.ClientFor(WorkspaceHost.FocalPoint("IOM"))).SignOffAsync(paper.Id, revision.Number, revision.ContentHash, "Object", "Not yet.");
        Assert.True((await VerifyAsync()).Ok, string.Join("\n", (await VerifyAsync()).Problems));

        await host.ExecuteSqlAsync("UPDATE SignOffDecisions SET Decision = 'Approve' WHERE AgencyCode = 'IOM' AND RoundId IN (SELECT Id FROM Rounds WHERE PaperId = @id)",
            ("@id", Id(paper.Id)));
        var audit = await VerifyAsync();
        Assert.Contains(audit.Problems, p => p.Contains($"{paper.Id}: its recorded sign-off decisions", StringComparison.Ordinal));
        await RestoreAsync("UPDATE SignOffDecisions SET Decision = 'Object' WHERE AgencyCode = 'IOM' AND RoundId IN (SELECT Id FROM Rounds WHERE PaperId = @id)",
            ("@id", Id(paper.Id)));

        await host.ExecuteSqlAsync("UPDATE Papers SET ParticipatingAgencyCodes = replace(ParticipatingAgencyCodes, '\"IOM\"', '\"IOM\",\"OHCHR\"') WHERE Id = @id", ("@id", Id(paper.Id)));
        audit = await VerifyAsync();
        Assert.Contains(audit.Problems, p => p.Contains($"{paper.Id}: its participating agencies", StringComparison.Ordinal));
        await RestoreAsync("UPDATE Papers SET ParticipatingAgencyCodes = replace(ParticipatingAgencyCodes, '\"IOM\",\"OHCHR\"', '\"IOM\"') WHERE Id = @id", ("@id", Id(paper.Id)));
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task After_a_key_rotation_old_and_new_rows_verify_and_the_rotation_is_in_the_log()
    {
        var secretariat = await host.ClientFor(WorkspaceHost.Secretariat);
        var rotated = await secretariat.Http.PostAsync("/api/audit/rotate-key", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var keyId = (await rotated.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("keyId").GetString();
        await secretariat.CreateWorkingGroupAsync("After rotation", "ILO", []);

        var audit = await secretariat.VerifyAuditAsync();
        Assert.True(audit.Ok, string.Join("\n", audit.Problems));
        var events = await secretariat.ReadEventsAsync(0, 1000);
        Assert.Contains(events, e => e.Type == "audit.key-rotated" && e.Data.GetProperty("keyId").GetString() == keyId);
        await ProblemAssert.IsProblem((await host.HttpFor(WorkspaceHost.FocalPoint("ILO"))).PostAsync("/api/audit/rotate-key", null), HttpStatusCode.Forbidden);
    }
}
