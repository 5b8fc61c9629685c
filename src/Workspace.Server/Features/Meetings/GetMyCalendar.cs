using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

/// <summary>All my meetings as one calendar a client can subscribe to.</summary>
public static class GetMyCalendar
{
    public sealed record Query : IQuery<string>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db, MeetingAccess access, TimeProvider clock, Http.PublicUrl site) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var since = now.AddDays(-90);
            var meetings = await access.Visible(db.Meetings.AsNoTracking()).Where(m => m.StartsAt >= since)
                .Include(m => m.Agenda).Include(m => m.Rsvps).AsSplitQuery().OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
            return await MeetingCalendar.WriteAsync(db, meetings, "PUBLISH", now, site.Base, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/calendar.ics", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "private, max-age=300";
                return Results.Text(await mediator.Send(new Query(), ct), MeetingCalendar.ContentType);
            })
            // The feed's secret (CalendarFeedAuthentication) or the usual sign-in; the pipeline decides as for either.
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(CalendarFeedAuthentication.FeedOrSignIn)
                .RequireAuthenticatedUser())
            .WithTags("Meetings")
            .WithName("GetMyCalendar")
            .WithSummary("My meetings as an iCalendar feed")
            .WithDescription("Every meeting you are invited to (from 90 days ago), METHOD:PUBLISH. With a bearer token, or with `token` from POST /api/me/calendar-feed so a calendar client can subscribe; an unknown or revoked token → 404.")
            .Produces<string>(contentType: "text/calendar");
}
