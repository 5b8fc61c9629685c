using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

public static class ResolveCalendarFeed
{
    public sealed record Query(string Token) : IQuery<Guid?>, IPublicRequest;

    internal sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Token).NotEmpty().MaximumLength(100);
    }

    internal sealed class Handler(WorkspaceDb db) : IRequestHandler<Query, Guid?>
    {
        public async Task<Guid?> Handle(Query query, CancellationToken cancellationToken)
        {
            var hash = MeetingCalendar.HashToken(query.Token);
            return await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.PersonId).SingleOrDefaultAsync(cancellationToken);
        }
    }
}
