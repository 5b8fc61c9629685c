using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Papers;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.SignOffRules;

/// <summary>The rule of every kind of paper, set or default: what a new paper and a new round take.</summary>
public static class ListSignOffRules
{
    public sealed record Query : IQuery<IReadOnlyList<SignOffRuleView>>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, IReadOnlyList<SignOffRuleView>>
    {
        public async Task<IReadOnlyList<SignOffRuleView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var set = await db.SignOffRules.AsNoTracking().ToDictionaryAsync(r => r.Kind, cancellationToken);
            return [.. Enum.GetValues<PaperKind>().Select(kind => SignOffRuleView.Of(set.GetValueOrDefault(kind) ?? SignOffRule.Default(kind)))];
        }
    }

    public static void Map(RouteGroupBuilder rules) =>
        rules.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithName("ListSignOffRules")
            .WithSummary("Sign-off rules per kind of paper")
            .WithDescription("One per kind: `signers` (AllMembers, WorkingGroup, Participants or Named with `agencyCodes`), the default `procedure`, the `minimumNotice` of a round's deadline (d.hh:mm:ss) and whether each agency's internal clearance is required. A kind the secretariat has not set shows the default: Participants, Unanimous, no notice, no clearance.");
}
