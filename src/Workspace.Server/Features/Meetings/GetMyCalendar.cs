using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

/// <summary>All my meetings as one calendar a client can subscribe to.</summary>
public static class GetMyCalendar
{
    public sealed record Query : IQuery<string>, ISignedInRequest;

    internal sealed class Handler(WorkspaceDb db, MeetingAccess access, TimeProvider clock) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var since = now.AddDays(-90);
            var meetings = await access.Visible(db.Meetings.AsNoTracking()).Where(m => m.StartsAt >= since)
                .Include(m => m.Agenda).Include(m => m.Rsvps).AsSplitQuery().OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
            return await MeetingCalendar.WriteAsync(db, meetings, "PUBLISH", now, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/calendar.ics", async (HttpContext http, IMediator mediator, CurrentUser me, SignInManager<Person> signIn, CancellationToken ct, string? token = null) =>
            {
                if (token is not null)
                {
                    // The feed's secret stands for its person, as a bearer token would: the pipeline then decides as for them.
                    var personId = await mediator.Send(new ResolveCalendarFeed.Query(token), ct);
                    var person = personId is null ? null : await signIn.UserManager.FindByIdAsync(personId.Value.ToString());
                    if (person is null)
                    {
                        throw new NotFoundException("calendar feed", "?");
                    }

                    me.Use(await signIn.CreateUserPrincipalAsync(person));
                }

                http.Response.Headers.CacheControl = "private, max-age=300";
                return Results.Text(await mediator.Send(new Query(), ct), MeetingCalendar.ContentType);
            })
            .WithTags("Meetings")
            .WithName("GetMyCalendar")
            .WithSummary("My meetings as an iCalendar feed")
            .WithDescription("Every meeting you are invited to (from 90 days ago), METHOD:PUBLISH. With a bearer token, or with `token` from POST /api/me/calendar-feed so a calendar client can subscribe.")
            .Produces<string>(contentType: "text/calendar");
}
