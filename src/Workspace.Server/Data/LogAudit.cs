namespace Workspace.Server.Data;

/// <param name="Ok">Whether every check holds.</param>
/// <param name="Events">Rows checked.</param>
/// <param name="Head">The hash of the last row.</param>
/// <param name="FirstBrokenSeq">Where the chain first breaks, when it does.</param>
/// <param name="AnchoredSeq">The highest seq anchored outside the database.</param>
/// <param name="Problems">Each finding in words: chain, anchor and state tables.</param>
public sealed record AuditView(bool Ok, long Events, string Head, long? FirstBrokenSeq, long AnchoredSeq, IReadOnlyList<string> Problems);

/// <summary>
/// Checks the event log and the state it records: every row's keyed hash and link (an altered, inserted or
/// removed row breaks it, and without the key outside the database no one can recompute it), the head row,
/// the anchor outside the database (a log cut short, or rewritten, no longer matches what was anchored),
/// and the papers' texts and sign-offs against what the log says (<see cref="PaperLog"/>). The secretariat asks
/// for it (<c>GET /api/audit/verify</c>); the move to PostgreSQL runs it on the copy.
/// </summary>
public static class LogAudit
{
    private const int Page = 5000;

    public static async Task<AuditView> VerifyAsync(WorkspaceDb db, ChainKeys keys, LogAnchor anchor, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var anchored = anchor.Read();
        long count = 0, expectedSeq = 1;
        var previousHash = "";
        long? broken = null;
        while (true)
        {
            var after = expectedSeq - 1;
            var rows = await db.Events.AsNoTracking().Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(Page).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                count++;
                if (broken is null && (row.Seq != expectedSeq || row.PreviousHash != previousHash || row.Hash != row.ExpectedHash(keys)))
                {
                    broken = Math.Min(row.Seq, expectedSeq);
                    problems.Add($"The chain breaks at seq {broken}: a row was altered, inserted or removed there.");
                }

                if (anchored.TryGetValue(row.Seq, out var anchoredHash) && anchoredHash != row.Hash)
                {
                    broken ??= row.Seq;
                    problems.Add($"Seq {row.Seq} differs from the hash anchored for it outside the database: the log was rewritten.");
                }

                expectedSeq = row.Seq + 1;
                previousHash = row.Hash;
            }

            if (rows.Count < Page)
            {
                break;
            }
        }

        var head = await db.EventLogHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (broken is null && ((head?.Seq ?? 0) != expectedSeq - 1 || (head?.Hash ?? "") != previousHash))
        {
            // The head records the last append: a shorter log means rows were removed from its end.
            broken = expectedSeq;
            problems.Add($"The log ends at seq {expectedSeq - 1} but its head row says {head?.Seq ?? 0}: rows were removed from its end.");
        }

        var anchoredSeq = anchored.Count == 0 ? 0 : anchored.Keys.Max();
        if (anchoredSeq > expectedSeq - 1)
        {
            broken ??= expectedSeq;
            problems.Add($"The log ends at seq {expectedSeq - 1} but seq {anchoredSeq} was anchored outside the database: the log was cut short.");
        }

        problems.AddRange(await PaperLog.CheckStateAsync(db, cancellationToken));
        return new AuditView(problems.Count == 0, count, previousHash, broken, anchoredSeq, problems);
    }
}
