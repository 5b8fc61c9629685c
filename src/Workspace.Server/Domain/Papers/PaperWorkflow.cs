namespace Workspace.Server.Domain.Papers;

/// <summary>
/// The paper's workflow as data: in each state, which actions are open and in which capacity. Domain
/// methods check the state half (a wrong state is a 409); the pipeline checks the capacity half; the paper
/// view lists what the caller may do now.
/// </summary>
public static class PaperWorkflow
{
    /// <summary>Who writes the language versions: the participating agencies and the secretariat.</summary>
    private const Capacity Translators = Capacity.Participant | Capacity.Secretariat;

    private static readonly Dictionary<PaperState, Dictionary<PaperAction, Capacity>> Steps = new()
    {
        [PaperState.Drafting] = new()
        {
            [PaperAction.AddRevision] = Capacity.Participant,
            [PaperAction.Comment] = Capacity.Viewer,
            [PaperAction.OpenRound] = Capacity.Lead,
            [PaperAction.Withdraw] = Capacity.Lead,
            [PaperAction.Translate] = Translators,
        },
        [PaperState.InSignOff] = new()
        {
            [PaperAction.AddRevision] = Capacity.Participant,
            [PaperAction.Comment] = Capacity.Viewer,
            [PaperAction.SignOff] = Capacity.Participant,
            [PaperAction.Clear] = Capacity.Participant,
            [PaperAction.Withdraw] = Capacity.Lead,
            [PaperAction.Translate] = Translators,
        },
        [PaperState.SignedOff] = new()
        {
            [PaperAction.Comment] = Capacity.Viewer,
            [PaperAction.Publish] = Capacity.Secretariat,
            [PaperAction.Withdraw] = Capacity.Lead,
            [PaperAction.ProposeCorrection] = Capacity.Lead,
            [PaperAction.ObjectToCorrection] = Capacity.Participant,
            [PaperAction.Translate] = Translators,
        },
        [PaperState.Published] = new()
        {
            [PaperAction.ProposeCorrection] = Capacity.Lead,
            [PaperAction.ObjectToCorrection] = Capacity.Participant,
            [PaperAction.Translate] = Translators,
        },
        [PaperState.Withdrawn] = new(),
    };

    public static bool IsOpen(PaperState state, PaperAction action) => Steps[state].ContainsKey(action);

    public static IReadOnlyList<PaperAction> AllowedActions(PaperState state, Capacity caller) =>
        [.. Steps[state].Where(step => (step.Value & caller) != 0).Select(step => step.Key).Order()];

    public static void Ensure(PaperState state, PaperAction action)
    {
        if (!IsOpen(state, action))
        {
            throw new RuleBrokenException("wrong-state", $"A paper that is {state} does not allow {Describe(action)}.",
                new Dictionary<string, object?> { ["state"] = state.ToString() });
        }
    }

    private static string Describe(PaperAction action) => action switch
    {
        PaperAction.AddRevision => "new revisions",
        PaperAction.Comment => "comments",
        PaperAction.OpenRound => "opening a sign-off round",
        PaperAction.SignOff => "sign-offs",
        PaperAction.Clear => "internal clearance",
        PaperAction.Publish => "publishing",
        PaperAction.ProposeCorrection => "editorial corrections",
        PaperAction.ObjectToCorrection => "objections to a correction",
        PaperAction.Translate => "language versions",
        _ => "withdrawal",
    };
}
