using Workspace.Server.Auth;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.CoChairTerms;

public static class GetCurrentTerm
{
    public sealed record Query : IQuery<CoChairTermView>, ISignedInRequest;

    internal sealed class Handler(CoChairs coChairs) : IRequestHandler<Query, CoChairTermView>
    {
        public async Task<CoChairTermView> Handle(Query query, CancellationToken cancellationToken) =>
            await coChairs.CurrentTermAsync(cancellationToken) is { } term
                ? CoChairTermView.Of(term)
                : throw new NotFoundException("co-chair term", coChairs.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/cochairs/current", (IMediator mediator, CancellationToken ct) => mediator.Send(new Query(), ct))
            .WithTags("Membership")
            .WithName("GetCurrentCoChairs")
            .WithSummary("The co-chairs today")
            .WithDescription("The two agencies whose term includes today (UTC), with its first and last day. No term today → 404.");
}
