using System.Security.Cryptography;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

/// <summary>Issues (or replaces) my calendar subscription secret; the old one stops working.</summary>
public static class IssueCalendarFeed
{
    public sealed record Command : ICommand<FeedView>, ISignedInRequest, IAnswersWithSecret;

    /// <param name="Url">The address to give a calendar client; keep it secret.</param>
    public sealed record FeedView(string Url, DateTimeOffset CreatedAt);

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock, Http.PublicUrl publicUrl) : IRequestHandler<Command, FeedView>
    {
        public async Task<FeedView> Handle(Command command, CancellationToken cancellationToken)
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var now = clock.GetUtcNow().UtcDateTime;
            var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.PersonId == me.Id, cancellationToken);
            if (feed is null)
            {
                feed = new CalendarFeed { PersonId = me.Id };
                db.CalendarFeeds.Add(feed);
            }

            feed.TokenHash = MeetingCalendar.HashToken(token);
            feed.CreatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new FeedView(new Uri(publicUrl.Base, $"api/calendar.ics?token={token}").ToString(), new DateTimeOffset(now));
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPost("/calendar-feed", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Created("/api/me/calendar-feed", await mediator.Send(new Command(), ct)))
            .WithName("IssueCalendarFeed")
            .WithSummary("Get a calendar subscription address")
            .WithDescription("A secret address of your meetings for Outlook or Google Calendar. Issuing again replaces it: the old address stops working.");
}
