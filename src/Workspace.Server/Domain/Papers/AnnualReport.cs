using System.Globalization;
using System.Text;

namespace Workspace.Server.Domain.Papers;

/// <summary>
/// The co-chairs' report of a period, drafted from the record: the co-chairs, what the group published (with
/// its signatories), the meetings held, the working groups' work. It becomes revision 1 of an AnnualReport
/// paper, then is drafted, signed off and published like any other.
/// </summary>
public static class AnnualReport
{
    public sealed record Published(string Title, PaperKind Kind, DateTime PublishedAt, IReadOnlyList<string> Signatories, Guid? WorkingGroupId);

    public sealed record Held(string Title, string Kind, DateTime StartsAt, string Place, Guid? WorkingGroupId);

    public sealed record Group(Guid Id, string Name, string LeadAgencyCode);

    /// <param name="Received">Comments whose authors confirmed them.</param>
    public sealed record Consulted(string Title, DateTime OpenedAt, DateTime Deadline, int Received, int Published);

    public static string Title(DateOnly from, DateOnly to) =>
        from.Month == 1 && from.Day == 1 && to.Month == 12 && to.Day == 31 && from.Year == to.Year
            ? string.Create(CultureInfo.InvariantCulture, $"Annual report of the co-chairs, {from.Year}")
            : $"Report of the co-chairs, {Day(from)} to {Day(to)}";

    public static string Compose(DateOnly from, DateOnly to, IReadOnlyList<(string First, string Second, DateOnly From, DateOnly To)> terms,
        IReadOnlyList<Published> published, IReadOnlyList<Held> meetings, IReadOnlyList<Group> groups, IReadOnlyList<Consulted>? consultations = null)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Title(from, to)).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"This report covers the work of the group from {Day(from)} to {Day(to)}. It was drafted from the workspace's record; the co-chairs complete it before it goes to sign-off.\n\n");

        text.Append("## Co-chairs\n\n");
        if (terms.Count == 0)
        {
            text.Append("No co-chair term is recorded for this period.\n\n");
        }

        foreach (var term in terms.OrderBy(t => t.From))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {term.First} and {term.Second}, from {Day(term.From)} to {Day(term.To)}\n");
        }

        text.Append(terms.Count == 0 ? "" : "\n");
        text.Append("## Publications\n\n");
        if (published.Count == 0)
        {
            text.Append("Nothing was published in this period.\n\n");
        }

        foreach (var kind in published.GroupBy(p => p.Kind).OrderBy(g => g.Key))
        {
            text.Append("### ").Append(Plural(kind.Key)).Append(CultureInfo.InvariantCulture, $" ({kind.Count()})\n\n");
            foreach (var paper in kind.OrderBy(p => p.PublishedAt))
            {
                text.Append(CultureInfo.InvariantCulture, $"- *{Escape(paper.Title)}*, published {Day(DateOnly.FromDateTime(paper.PublishedAt))}; signed by {string.Join(", ", paper.Signatories)}\n");
            }

            text.Append('\n');
        }

        text.Append("## Meetings held\n\n");
        if (meetings.Count == 0)
        {
            text.Append("No meeting was held in this period.\n\n");
        }
        else
        {
            text.Append("| Date | Meeting | Kind | Place |\n| --- | --- | --- | --- |\n");
            foreach (var meeting in meetings.OrderBy(m => m.StartsAt))
            {
                text.Append(CultureInfo.InvariantCulture, $"| {Day(DateOnly.FromDateTime(meeting.StartsAt))} | {Escape(meeting.Title)} | {meeting.Kind} | {meeting.Place} |\n");
            }

            text.Append('\n');
        }

        text.Append("## Public consultations\n\n");
        if (consultations is not { Count: > 0 })
        {
            text.Append("No draft was opened to public comment in this period.\n\n");
        }
        else
        {
            foreach (var consultation in consultations.OrderBy(c => c.OpenedAt))
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"- *{Escape(consultation.Title)}*, open from {Day(DateOnly.FromDateTime(consultation.OpenedAt))} to {Day(DateOnly.FromDateTime(consultation.Deadline))}: {Count(consultation.Received, "comment")} received, {consultation.Published} published\n");
            }

            text.Append('\n');
        }

        text.Append("## Working groups\n\n");
        foreach (var group in groups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            var papers = published.Count(p => p.WorkingGroupId == group.Id);
            var held = meetings.Count(m => m.WorkingGroupId == group.Id);
            text.Append(CultureInfo.InvariantCulture, $"- {Escape(group.Name)} (led by {group.LeadAgencyCode}): {Count(held, "meeting")}, {Count(papers, "publication")}\n");
        }

        text.Append(groups.Count == 0 ? "No working group is recorded.\n" : "");
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : string.Create(CultureInfo.InvariantCulture, $"{n} {what}s");

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Plural(PaperKind kind) => kind switch
    {
        PaperKind.IssuePaper => "Issue papers",
        PaperKind.IssueBrief => "Issue briefs",
        PaperKind.JointStatement => "Joint statements",
        PaperKind.Submission => "Submissions to UN processes",
        PaperKind.AnnualReport => "Reports",
        PaperKind.Minutes => "Minutes",
        _ => "Other papers",
    };

    private static string Escape(string text) => MarkdownText.Escape(text);
}
