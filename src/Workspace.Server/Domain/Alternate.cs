namespace Workspace.Server.Domain;

/// <summary>
/// A person's stand-in from their own agency for a period (a focal point on mission). The alternate may act for
/// them; every such act names both. Ending the period, or its passing, ends the power at once: each request
/// asks whether the power holds at that moment.
/// </summary>
public sealed class Alternate : Aggregate
{
    private Alternate()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Who is stood in for.</summary>
    public string PersonEmail { get; private set; } = "";

    public string AgencyCode { get; private set; } = "";

    public string AlternateEmail { get; private set; } = "";

    public DateTime From { get; private set; }

    public DateTime To { get; private set; }

    public DateTime? EndedAt { get; private set; }

    public bool HoldsAt(DateTime now) => EndedAt is null && From <= now && now < To;

    public static Alternate Name(Actor person, string alternateEmail, string alternateAgencyCode, DateTime from, DateTime to, DateTime now)
    {
        if (string.Equals(person.Email, alternateEmail, StringComparison.OrdinalIgnoreCase))
        {
            throw new RuleBrokenException("alternate-is-self", "An alternate is someone else.");
        }

        if (!string.Equals(person.AgencyCode, alternateAgencyCode, StringComparison.Ordinal))
        {
            throw new RuleBrokenException("alternate-of-another-agency", $"An alternate is of your own agency, {person.AgencyCode}.");
        }

        if (to <= from || to <= now)
        {
            throw new RuleBrokenException("alternate-period", "The period ends after it starts, and in the future.");
        }

        var alternate = new Alternate
        {
            Id = Guid.CreateVersion7(),
            PersonEmail = person.Email.ToLowerInvariant(),
            AgencyCode = person.AgencyCode,
            AlternateEmail = alternateEmail.ToLowerInvariant(),
            From = from,
            To = to,
        };
        alternate.ActAs(person);
        alternate.Raise(DomainEvent.Of(new AlternateNamed(alternate.PersonEmail, alternate.AlternateEmail, from.AsUtcInstant(), to.AsUtcInstant()),
            new Subject("person", alternate.PersonEmail), Audience.Agencies([person.AgencyCode]),
            new Notice("alternate-named",
                FormattableString.Invariant($"{person.Email} named you their alternate from {from:d MMMM yyyy HH:mm} to {to:d MMMM yyyy HH:mm} UTC: you may act for them, and your acts will name you both."),
                [person.AgencyCode], OnlyEmails: [alternate.AlternateEmail])));
        return alternate;
    }

    public void End(Actor by, DateTime now)
    {
        if (EndedAt is not null)
        {
            return;
        }

        ActAs(by);
        EndedAt = now;
        Raise(DomainEvent.Of(new AlternateEnded(PersonEmail, AlternateEmail, now.AsUtcInstant()), new Subject("person", PersonEmail), Audience.Agencies([AgencyCode])));
    }
}
