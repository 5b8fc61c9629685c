using CsCheck;
using Workspace.Server.Domain;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;

namespace Workspace.Tests.Domain;

/// <summary>
/// Random sequences of commands against the paper and meeting state machines: every refusal is a named rule
/// (a 409, never a 500) and changes nothing; after every step the invariants hold.
/// </summary>
public sealed class StateMachineProperties
{
    private static readonly DateTime Start = new(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor[] People = [new("focal@ilo.demo", "ILO"), new("focal@iom.demo", "IOM"), new("focal@unhcr.demo", "UNHCR"), new("secretariat@unodc.demo", "UNODC")];
    private static readonly string[] Bodies = ["# Text\n\nFirst.\n", "# Text\n\nSecond.\n", "# Text\n\nThird.\n"];
    private static readonly int[] Reminders = [48, 24];

    /// <summary>One step: which command, and small numbers that pick its arguments (some valid, many not).</summary>
    public sealed record Move(int Command, int Person, int Offset, int Pick, int Hours, bool Right);

    private static readonly Gen<Move> Steps = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 3], Gen.Int[-1, 1], Gen.Int[0, 2], Gen.Int[-2, 100], Gen.Bool)
        .Select((c, p, o, k, h, r) => new Move(c, p, o, k, h, r));

    [Fact]
    public void A_paper_under_any_sequence_of_commands_refuses_by_rule_changes_nothing_when_refusing_and_keeps_its_invariants()
    {
        Steps.Array[1, 40].Sample(steps =>
        {
            var now = Start;
            var paper = Paper.Create("Statement", PaperKind.JointStatement, "ILO", ["IOM", "UNHCR"], null, People[0], now);
            var bodies = new Dictionary<int, string>();
            foreach (var step in steps)
            {
                var before = Snapshot(paper);
                var who = People[step.Person];
                var latest = paper.LatestRevisionNumber;
                var round = paper.CurrentRound;
                try
                {
                    switch (step.Command)
                    {
                        case 0:
                            var body = Bodies[step.Pick];
                            var revision = paper.AddRevision(latest + step.Offset, body, who, now);
                            bodies[revision.Number] = body;
                            break;
                        case 1:
                            var number = Math.Max(0, latest + step.Offset);
                            paper.OpenRound(number, (Procedure)(step.Pick % 2),
                                now.AddHours(step.Hours), who, now, Reminders);
                            break;
                        case 2:
                        case 3:
                            var decision = step.Command == 2 ? Decision.Approve : Decision.Object;
                            paper.RecordSignOff((round?.RevisionNumber ?? 1) + (step.Right ? 0 : step.Offset), step.Right ? round?.ContentHash ?? "" : Revision.HashOf("other"),
                                decision, step.Pick == 0 ? null : "Because.", who, now);
                            break;
                        case 4:
                            now = now.AddHours(Math.Max(1, step.Hours));
                            paper.CloseSilenceIfDue(now);
                            paper.FlagOverdueIfDue(now);
                            paper.RemindIfDue(now, Reminders);
                            break;
                        case 5:
                            var text = step.Right && round is not null ? bodies.GetValueOrDefault(round.RevisionNumber, "") : "Not the approved text";
                            paper.Publish("Summary", ["Global"], text, who, now);
                            break;
                        case 6:
                            paper.Withdraw(who, now);
                            break;
                        default:
                            paper.AddComment(Math.Max(0, latest + step.Offset), "A comment", who, now);
                            break;
                    }
                }
                catch (RuleBrokenException)
                {
                    Assert.Equal(before, Snapshot(paper));
                }

                Invariants(paper, bodies);
            }
        }, iter: 3_000);
    }

    private static void Invariants(Paper paper, Dictionary<int, string> bodies)
    {
        var rounds = paper.LoadedRounds.OrderBy(r => r.Number).ToList();
        var current = paper.CurrentRound;
        Assert.Equal(Enumerable.Range(1, rounds.Count), rounds.Select(r => r.Number));
        Assert.True(rounds.Count(r => r.IsOpen) <= 1, "two open rounds");
        Assert.True(rounds.SkipLast(1).All(r => !r.IsOpen), "an open round that is not the latest");
        Assert.Equal(Enumerable.Range(1, paper.LatestRevisionNumber), bodies.Keys.Order());
        Assert.Equal(paper.LatestRevisionNumber == 0 ? null : Revision.HashOf(bodies[paper.LatestRevisionNumber]), paper.LatestContentHash);
        switch (paper.State)
        {
            case PaperState.Drafting:
                Assert.True(current is null || !current.IsOpen);
                break;
            case PaperState.InSignOff:
                Assert.True(current is { IsOpen: true });
                Assert.Equal(Revision.HashOf(bodies[current!.RevisionNumber]), current.ContentHash);
                Assert.Equal(paper.LatestRevisionNumber, current.RevisionNumber);
                break;
            case PaperState.SignedOff or PaperState.Published:
                Assert.Equal(RoundStatus.Completed, current!.Status);
                Assert.Equal(paper.ParticipatingAgencyCodes.Order(), current.Agencies.Select(a => a.AgencyCode).Order());
                Assert.All(current.Agencies, a => Assert.Contains(a.Status, new[] { AgencySignOffStatus.Approved, AgencySignOffStatus.AdoptedBySilence }));
                Assert.Equal(Revision.HashOf(bodies[current.RevisionNumber]), current.ContentHash);
                if (paper.State == PaperState.Published)
                {
                    Assert.Equal(current.ContentHash, paper.PublishedContentHash);
                    Assert.Equal(current.RevisionNumber, paper.PublishedRevisionNumber);
                }

                break;
        }

        // An agency's status in a round is its last decision there.
        foreach (var round in rounds)
        {
            foreach (var agency in round.Agencies.Where(a => a.Status is AgencySignOffStatus.Approved or AgencySignOffStatus.Objected))
            {
                var last = round.Decisions.Last(d => d.AgencyCode == agency.AgencyCode);
                Assert.Equal(agency.Status == AgencySignOffStatus.Approved ? Decision.Approve : Decision.Object, last.Decision);
            }
        }
    }

    private static string Snapshot(Paper paper) => string.Join("|",
        paper.State, paper.Version, paper.LatestRevisionNumber, paper.LatestContentHash, paper.PublishedContentHash, paper.Events.Count,
        string.Join(";", paper.LoadedRounds.Select(r => $"{r.Number}:{r.Status}:{r.Overdue}:{string.Join(",", r.RemindersSent)}:{r.Decisions.Count}:" +
            string.Join(",", r.Agencies.Select(a => $"{a.AgencyCode}={a.Status}")))));

    [Fact]
    public void A_meeting_under_any_sequence_of_commands_refuses_by_rule_changes_nothing_when_refusing_and_keeps_its_invariants()
    {
        Steps.Array[1, 30].Sample(steps =>
        {
            var now = Start;
            var meeting = Meeting.Schedule("Plenary", MeetingKind.Plenary, null, now.AddHours(30), 60, "Europe/Vienna", ["IOM", "UNHCR"], People[0], now);
            var sequence = 0;
            foreach (var step in steps)
            {
                var before = MeetingSnapshot(meeting);
                var changed = false;
                try
                {
                    switch (step.Command % 6)
                    {
                        case 0:
                            meeting.Reschedule(now.AddHours(step.Hours), 30 + step.Pick, step.Right ? "America/New_York" : "Europe/Vienna", People[step.Person], now);
                            changed = true;
                            break;
                        case 1:
                            meeting.Cancel(People[step.Person], now);
                            changed = true;
                            break;
                        case 2:
                            meeting.AddAgendaItem("Item", step.Right ? "IOM" : null, People[step.Person], now);
                            break;
                        case 3:
                            meeting.RecordRsvp(People[step.Person], (RsvpResponse)step.Pick, now);
                            break;
                        case 4:
                            now = now.AddHours(Math.Max(1, step.Hours));
                            meeting.RemindIfDue(now, TimeSpan.FromHours(24));
                            break;
                        default:
                            meeting.LinkMinutes(Guid.NewGuid(), People[step.Person], now);
                            break;
                    }
                }
                catch (RuleBrokenException)
                {
                    Assert.Equal(before, MeetingSnapshot(meeting));
                }

                if (changed && MeetingSnapshot(meeting) != before)
                {
                    sequence++;
                }

                // Every change calendar clients must apply raises SEQUENCE; a cancelled meeting stays cancelled.
                Assert.Equal(sequence, meeting.Sequence);
                Assert.Contains(meeting.OrganizerAgencyCode, meeting.InvitedAgencyCodes);
                Assert.All(meeting.Rsvps, r => Assert.Contains(r.AgencyCode, meeting.InvitedAgencyCodes));
                Assert.Equal(meeting.Agenda.Count, meeting.Agenda.Select(a => a.Position).Distinct().Count());
                Assert.True(meeting.DurationMinutes > 0);
            }
        }, iter: 3_000);
    }

    private static string MeetingSnapshot(Meeting m) => string.Join("|", m.Status, m.Sequence, m.StartsAt, m.DurationMinutes, m.TimeZone, m.Version,
        m.Agenda.Count, string.Join(",", m.Rsvps.Select(r => $"{r.Email}={r.Response}")), m.MinutesPaperId, m.Reminded, m.Events.Count);
}
