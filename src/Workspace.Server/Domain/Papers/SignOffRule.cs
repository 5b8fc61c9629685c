namespace Workspace.Server.Domain.Papers;

/// <summary>Whose sign-off a paper of a kind needs.</summary>
public enum Signers
{
    /// <summary>Every member organization (a statement of the Heads).</summary>
    AllMembers,

    /// <summary>The members of the paper's working group (an issue brief).</summary>
    WorkingGroup,

    /// <summary>The agencies named as participants when the paper was started.</summary>
    Participants,

    /// <summary>A list of agencies the secretariat keeps with the rule.</summary>
    Named,
}

/// <summary>
/// The secretariat's rule for one kind of paper: who must sign, by which procedure unless the round says
/// otherwise, with how much notice at least, and whether each agency clears the text inside before its word
/// counts. A round records the rule it opened under, so changing a rule never changes an open round.
/// </summary>
public sealed class SignOffRule : Aggregate
{
    private SignOffRule()
    {
    }

    public PaperKind Kind { get; private set; }

    public Signers Signers { get; private set; }

    /// <summary>For <see cref="Signers.Named"/>: the agencies, sorted.</summary>
    public List<string> AgencyCodes { get; private set; } = [];

    public Procedure Procedure { get; private set; }

    public TimeSpan MinimumNotice { get; private set; }

    public bool ClearanceRequired { get; private set; }

    /// <summary>The official languages a paper of the kind is published in besides its original: each version confirmed against the signed text.</summary>
    public List<string> RequiredLanguages { get; private set; } = [];

    public DateTime? ChangedAt { get; private set; }

    public string? ChangedBy { get; private set; }

    /// <summary>App-managed concurrency token: SQLite has no rowversion.</summary>
    public int Version { get; private set; }

    /// <summary>Before the secretariat sets one: the participants, unanimously, no minimum notice, no internal clearance.</summary>
    public static SignOffRule Default(PaperKind kind) => new() { Kind = kind, Signers = Signers.Participants, Procedure = Procedure.Unanimous };

    public void Change(Signers signers, IEnumerable<string> agencyCodes, Procedure procedure, TimeSpan minimumNotice, bool clearanceRequired, Actor by, DateTime now,
        IEnumerable<string>? requiredLanguages = null)
    {
        ActAs(by);
        var named = agencyCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (signers == Signers.Named && named.Count == 0)
        {
            throw new RuleBrokenException("no-signers", "A rule of named signers names at least one agency.");
        }

        Signers = signers;
        AgencyCodes = signers == Signers.Named ? named : [];
        Procedure = procedure;
        MinimumNotice = minimumNotice;
        ClearanceRequired = clearanceRequired;
        RequiredLanguages = [.. (requiredLanguages ?? []).Distinct(StringComparer.Ordinal).OrderBy(OfficialLanguages.Position)];
        ChangedAt = now;
        ChangedBy = by.Email;
        Version++;
        Raise(DomainEvent.Of(new SignOffRuleChanged(Kind.ToString(), signers.ToString(), AgencyCodes, procedure.ToString(), minimumNotice, clearanceRequired) { RequiredLanguages = RequiredLanguages },
            new Subject("sign-off-rule", Kind.ToString()), Audience.Everyone));
    }

    /// <summary>
    /// The agencies that must sign a paper under this rule: every member, the working group's members (with the
    /// paper's lead), the participants, or the named list.
    /// </summary>
    public IReadOnlyList<string> SignersOf(IReadOnlyCollection<string> members, IReadOnlyCollection<string>? workingGroupMembers, IReadOnlyCollection<string> participants) =>
        [.. (Signers switch
        {
            Signers.AllMembers => members,
            Signers.WorkingGroup => workingGroupMembers ?? [],
            Signers.Named => AgencyCodes,
            _ => [],
        }).Concat(participants).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>What a round opened now runs under.</summary>
    public RoundTerms Terms(IReadOnlyList<string> signers, IReadOnlyDictionary<string, IReadOnlyList<ClearanceStep>> chains) =>
        new(Signers, ClearanceRequired, signers, ClearanceRequired ? chains : new Dictionary<string, IReadOnlyList<ClearanceStep>>());
}

/// <summary>
/// The terms a round opens under, taken from the rule of the paper's kind: whose sign-off it needs and, when the
/// rule asks for internal clearance, each agency's chain as it stood.
/// </summary>
public sealed record RoundTerms(Signers Signers, bool ClearanceRequired, IReadOnlyList<string> RequiredSigners,
    IReadOnlyDictionary<string, IReadOnlyList<ClearanceStep>> Chains)
{
    /// <summary>The participants sign; no clearance.</summary>
    public static readonly RoundTerms ParticipantsOnly = new(Signers.Participants, false, [], new Dictionary<string, IReadOnlyList<ClearanceStep>>());
}
