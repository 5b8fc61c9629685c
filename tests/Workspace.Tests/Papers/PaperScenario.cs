using System.Security.Cryptography;
using System.Text;
using Workspace.Client;
using Workspace.Tests.Infrastructure;

namespace Workspace.Tests.Papers;

/// <summary>Arranges papers through the typed client, as a user would.</summary>
internal static class PaperScenario
{
    public static string Sha(string body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>A joint statement led by ILO with IOM and UNHCR, with one revision.</summary>
    public static async Task<(Paper Paper, RevisionSummary Revision)> DraftAsync(WorkspaceHost host, string title, string lead = "ILO", params string[] others)
    {
        var leadClient = await host.ClientFor(WorkspaceHost.FocalPoint(lead));
        var paper = await leadClient.CreatePaperAsync(title, "JointStatement", lead, others.Length == 0 ? ["IOM", "UNHCR"] : others);
        var revision = await leadClient.AddRevisionAsync(paper.Id, 0, $"# {title}\n\nThe members of the group call on States to act.\n");
        return (paper, revision);
    }

    public static async Task<(Paper Paper, RevisionSummary Revision)> InSignOffAsync(WorkspaceHost host, string title, string procedure, TimeSpan deadlineIn)
    {
        var (paper, revision) = await DraftAsync(host, title);
        var lead = await host.ClientFor(WorkspaceHost.FocalPoint("ILO"));
        await lead.OpenRoundAsync(paper.Id, revision.Number, procedure, host.Clock.GetUtcNow() + deadlineIn);
        return (paper, revision);
    }

    public static async Task ApproveAsync(WorkspaceHost host, Guid paperId, RevisionSummary revision, params string[] agencies)
    {
        foreach (var agency in agencies)
        {
            await (await host.ClientFor(WorkspaceHost.FocalPoint(agency))).SignOffAsync(paperId, revision.Number, revision.ContentHash, "Approve");
        }
    }
}
