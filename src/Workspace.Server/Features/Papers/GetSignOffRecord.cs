using System.Globalization;
using System.Net;
using System.Text;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Papers;

/// <summary>
/// A paper's sign-off record, read from the event log itself: each round (which revision, which hash, which
/// procedure, who opened it and when), every decision (who, for which agency, on which hash, when, why) and
/// the outcome, and the publication. Each entry cites its event's seq and hash; <c>verified</c> says whether
/// every cited row still carries the keyed hash it was written with. As JSON, or as a printable page
/// (<c>Accept: text/html</c>).
/// </summary>
public static class GetSignOffRecord
{
    public sealed record Query(Guid PaperId) : IQuery<SignOffRecord>, IPaperViewerRequest;

    public sealed record Cited(long Seq, string Hash);

    public sealed record DecisionEntry(string AgencyCode, string Decision, string By, DateTimeOffset At, int Revision, string ContentHash, string? Comment, Cited Event,
        string? OnBehalfOf = null);

    public sealed record RoundEntry(int Number, int Revision, string ContentHash, string Procedure, DateTimeOffset Deadline, string OpenedBy, DateTimeOffset OpenedAt,
        string Status, DateTimeOffset? ClosedAt, IReadOnlyList<DecisionEntry> Decisions, IReadOnlyList<OutcomeEntry> Outcome, Cited Opened);

    public sealed record OutcomeEntry(string AgencyCode, string Status);

    public sealed record PublicationEntry(DateTimeOffset PublishedAt, string ContentHash, Cited Event);

    /// <param name="Verified">Every cited event still hashes, under its key, to the hash the log holds for it.</param>
    /// <param name="ChainHead">The last hash of the whole log, to compare with an audit or an anchor.</param>
    public sealed record SignOffRecord(Guid PaperId, string Title, string Kind, string State, string LeadAgencyCode, IReadOnlyList<string> ParticipatingAgencyCodes,
        IReadOnlyList<RoundEntry> Rounds, PublicationEntry? Publication, bool Verified, string ChainHead);

    internal sealed class Handler(WorkspaceDb db, ChainKeys keys) : IRequestHandler<Query, SignOffRecord>
    {
        public async Task<SignOffRecord> Handle(Query query, CancellationToken cancellationToken)
        {
            var paper = await db.Papers.AsNoTracking().Where(p => p.Id == query.PaperId)
                .Select(p => new { p.Title, p.Kind, p.State, p.LeadAgencyCode }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("paper", query.PaperId.ToString());
            var log = await PaperLog.ReadAsync(db, query.PaperId, cancellationToken);
            var hashes = log.Rows.ToDictionary(r => r.Seq, r => r.Hash);
            Cited Cite(long seq) => new(seq, hashes[seq]);

            var rounds = log.Rounds.Values.OrderBy(r => r.Number).Select(r => new RoundEntry(
                r.Number, r.Revision, r.ContentHash, r.Procedure, r.Deadline.AsUtcInstant(), r.OpenedBy, r.OpenedAt.AsUtcInstant(), r.Status ?? "Open",
                r.ClosedAt?.AsUtcInstant(),
                [.. log.Decisions.Where(d => d.Round == r.Number).Select(d => new DecisionEntry(d.AgencyCode, d.Value, d.By, d.At.AsUtcInstant(), d.Revision, d.ContentHash, d.Comment, Cite(d.Seq), d.OnBehalfOf))],
                [.. r.Outcome.Select(o => new OutcomeEntry(o.AgencyCode, o.Status))],
                Cite(r.OpenedSeq))).ToList();
            var publication = log.PublishedSeq is { } published ? new PublicationEntry(log.PublishedAt!.Value.AsUtcInstant(), log.PublishedHash!, Cite(published)) : null;
            var verified = log.Rows.All(r => r.Hash == r.ExpectedHash(keys));
            var head = await db.EventLogHeads.AsNoTracking().Select(h => h.Hash).SingleOrDefaultAsync(cancellationToken) ?? "";
            return new SignOffRecord(query.PaperId, paper.Title, paper.Kind.ToString(), paper.State.ToString(), paper.LeadAgencyCode, log.ParticipatingAgencyCodes,
                rounds, publication, verified, head);
        }
    }

    public static void Map(RouteGroupBuilder papers) =>
        papers.MapGet("/{paperId:guid}/sign-off-record", async (Guid paperId, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var record = await mediator.Send(new Query(paperId), ct);
                return http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
                    ? Results.Content(Page(record), "text/html; charset=utf-8")
                    : Results.Ok(record);
            })
            .WithName("GetSignOffRecord")
            .WithSummary("A paper's sign-off record")
            .WithDescription("Who approved which revision hash, when and under which procedure, read from the event log, each entry citing its event's seq and hash; `verified` says the cited events still carry their keyed hashes. With `Accept: text/html`, a printable page. Participants and the secretariat; anyone else 404.")
            .Produces<SignOffRecord>();

    private const string Style =
        "body{font-family:system-ui,sans-serif;max-inline-size:75ch;margin:2rem auto;padding:0 1rem;color:#242424}" +
        "table{border-collapse:collapse;inline-size:100%}th,td{border:1px solid #d1d1d1;padding:.3rem .5rem;text-align:start;vertical-align:top}" +
        "code{font-size:.85em;overflow-wrap:anywhere}@media print{a{color:inherit}}";

    /// <summary>The record as a plain printable page; every text is encoded.</summary>
    internal static string Page(SignOffRecord record)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        static string T(DateTimeOffset at) => $"<time datetime=\"{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\">{at.UtcDateTime.ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)}</time>";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign-off record: {{E(record.Title)}}</title>
            <style>{{Style}}</style></head>
            <body><main id="main">
            <h1>Sign-off record: {{E(record.Title)}}</h1>
            <p>{{E(record.Kind)}} led by {{E(record.LeadAgencyCode)}} with {{E(string.Join(", ", record.ParticipatingAgencyCodes))}}. State: <strong>{{E(record.State)}}</strong>.</p>
            <p>Every line below is read from the event log. {{(record.Verified ? "Each cited event still carries the keyed hash it was written with." : "<strong>Warning: some cited events no longer carry the hash they were written with.</strong>")}}
            Head of the log: <code>{{E(record.ChainHead)}}</code>.</p>
            """);
        foreach (var round in record.Rounds)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <h2>Round {round.Number}: revision {round.Revision}, {E(round.Procedure)}, {E(round.Status)}</h2>
                <p>Opened by {E(round.OpenedBy)} on {T(round.OpenedAt)} (event {round.Opened.Seq}); deadline {T(round.Deadline)}. Text hash: <code>{E(round.ContentHash)}</code>.</p>
                <table><caption>Decisions in round {round.Number}</caption><thead><tr><th scope="col">Agency</th><th scope="col">Decision</th><th scope="col">By</th><th scope="col">When</th><th scope="col">Reason</th><th scope="col">Event</th></tr></thead><tbody>
                """);
            foreach (var d in round.Decisions)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(d.AgencyCode)}</th><td>{E(d.Decision)}</td><td>{E(d.OnBehalfOf is null ? d.By : $"{d.By} for {d.OnBehalfOf}")}</td><td>{T(d.At)}</td><td>{E(d.Comment)}</td><td>{d.Event.Seq} <code>{E(d.Event.Hash[..12])}…</code></td></tr>");
            }

            html.Append("</tbody></table>");
            if (round.Outcome.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>Outcome: {E(string.Join(", ", round.Outcome.Select(o => $"{o.AgencyCode} {o.Status}")))}.</p>");
            }
        }

        if (record.Publication is { } publication)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Publication</h2><p>Published on {T(publication.PublishedAt)} (event {publication.Event.Seq}) with text hash <code>{E(publication.ContentHash)}</code>.</p>");
        }

        html.Append("</main></body></html>");
        return html.ToString();
    }
}
