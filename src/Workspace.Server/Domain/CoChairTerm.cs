namespace Workspace.Server.Domain;

/// <summary>
/// Two member agencies chairing the group from one date to another, both inclusive. Whether a person is a
/// co-chair is derived from the term in force on a given day, never stored on the person.
/// </summary>
public sealed class CoChairTerm : Aggregate
{
    private CoChairTerm()
    {
    }

    public Guid Id { get; private set; }

    public string FirstAgencyCode { get; private set; } = "";

    public string SecondAgencyCode { get; private set; } = "";

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public IReadOnlyList<string> AgencyCodes => [FirstAgencyCode, SecondAgencyCode];

    public bool Includes(DateOnly day) => From <= day && day <= To;

    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;

    /// <summary>Checks that no existing term overlaps the new one; the caller loads the candidates.</summary>
    public static CoChairTerm Create(IReadOnlyList<string> agencyCodes, DateOnly from, DateOnly to, IEnumerable<CoChairTerm> existing, Actor by)
    {
        if (agencyCodes.Count != 2 || agencyCodes[0] == agencyCodes[1])
        {
            throw new ArgumentException("A co-chair term has exactly two distinct agencies.", nameof(agencyCodes));
        }

        if (to < from)
        {
            throw new ArgumentException("A term ends on or after the day it starts.", nameof(to));
        }

        var clash = existing.FirstOrDefault(t => t.Overlaps(from, to));
        if (clash is not null)
        {
            throw new RuleBrokenException("overlapping-term",
                $"The term {from:yyyy-MM-dd} to {to:yyyy-MM-dd} overlaps the term of {clash.FirstAgencyCode} and {clash.SecondAgencyCode} ({clash.From:yyyy-MM-dd} to {clash.To:yyyy-MM-dd}).",
                new Dictionary<string, object?> { ["conflictingTermId"] = clash.Id });
        }

        var term = new CoChairTerm
        {
            Id = Guid.CreateVersion7(),
            FirstAgencyCode = agencyCodes[0],
            SecondAgencyCode = agencyCodes[1],
            From = from,
            To = to,
        };
        term.ActAs(by);
        term.Raise(DomainEvent.Of(new CoChairTermCreated(term.Id, term.AgencyCodes, from, to), new Subject("cochair-term", term.Id.ToString()), Audience.Everyone));
        return term;
    }
}
