using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Auth;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// Meetings as iCalendar (RFC 5545), written by Ical.Net: one UID per meeting for good, SEQUENCE from the
/// meeting, STATUS:CANCELLED once cancelled, times in the organizer's zone with its VTIMEZONE, the organizer
/// and every person of the invited agencies with their answer.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Uid(Guid meetingId) => $"{meetingId}@inter-agency-workspace";

    internal sealed record Person(string Email, string DisplayName, string AgencyCode);

    internal static async Task<string> WriteAsync(WorkspaceDb db, IReadOnlyList<Meeting> meetings, string method, DateTime now, CancellationToken ct)
    {
        var agencies = meetings.SelectMany(m => m.InvitedAgencyCodes).Distinct().ToList();
        var people = (await db.Users.AsNoTracking().Where(p => agencies.Contains(p.AgencyCode))
                .Select(p => new Person(p.Email!, p.DisplayName, p.AgencyCode)).ToListAsync(ct))
            .ToLookup(p => p.AgencyCode);

        var calendar = new Calendar { ProductId = "-//Inter-Agency Workspace//Meetings//EN", Method = method };
        foreach (var zone in meetings.Select(m => m.TimeZone).Distinct(StringComparer.Ordinal))
        {
            calendar.AddTimeZone(zone);
        }

        foreach (var meeting in meetings)
        {
            calendar.Events.Add(Event(meeting, people, now));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(Meeting m, ILookup<string, Person> people, DateTime now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(m.TimeZone);
        DateTime Local(DateTime utc) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);
        var answers = m.Rsvps.ToDictionary(r => r.Email, r => r.Response, StringComparer.OrdinalIgnoreCase);
        var e = new CalendarEvent
        {
            Uid = Uid(m.Id),
            Sequence = m.Sequence,
            Summary = m.Title,
            Description = Description(m),
            DtStart = new CalDateTime(Local(m.StartsAt), m.TimeZone),
            DtEnd = new CalDateTime(Local(m.EndsAt), m.TimeZone),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc), "UTC"),
            Status = m.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{m.Organizer}") { CommonName = m.OrganizerAgencyCode },
        };
        foreach (var person in m.InvitedAgencyCodes.SelectMany(code => people[code]))
        {
            e.Attendees.Add(new Attendee($"mailto:{person.Email}")
            {
                CommonName = person.DisplayName.Contains(person.AgencyCode, StringComparison.Ordinal) ? person.DisplayName : $"{person.DisplayName} ({person.AgencyCode})",
                Role = ParticipationRole.RequiredParticipant,
                ParticipationStatus = answers.TryGetValue(person.Email, out var answer) ? answer switch
                {
                    RsvpResponse.Accepted => EventParticipationStatus.Accepted,
                    RsvpResponse.Declined => EventParticipationStatus.Declined,
                    _ => EventParticipationStatus.Tentative,
                } : EventParticipationStatus.NeedsAction,
                Rsvp = !answers.ContainsKey(person.Email),
            });
        }

        return e;
    }

    private static string Description(Meeting m)
    {
        var text = new StringBuilder($"{m.Kind} meeting convened by {m.OrganizerAgencyCode}.");
        if (m.Agenda.Count > 0)
        {
            text.Append("\n\nAgenda:");
            foreach (var item in m.Agenda.OrderBy(a => a.Position))
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n{item.Position}. {item.Title}");
                if (item.PresenterAgencyCode is { } presenter)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $" ({presenter})");
                }
            }
        }

        return text.ToString();
    }

    internal static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>One meeting's invitation, to import into a calendar.</summary>
public static class GetMeetingInvitation
{
    public sealed record Query(Guid MeetingId) : IQuery<string>, IMeetingViewerRequest;

    internal sealed class Handler(WorkspaceDb db, TimeProvider clock) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var meeting = await db.LoadMeetingAsync(query.MeetingId, cancellationToken);
            var method = meeting.Status == MeetingStatus.Cancelled ? "CANCEL" : "REQUEST";
            return await MeetingCalendar.WriteAsync(db, [meeting], method, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder meetings) =>
        meetings.MapGet("/{meetingId:guid}/ics", async (Guid meetingId, IMediator mediator, CancellationToken ct) =>
                Results.Text(await mediator.Send(new Query(meetingId), ct), MeetingCalendar.ContentType))
            .WithName("GetMeetingInvitation")
            .WithSummary("A meeting as an iCalendar invitation")
            .WithDescription("text/calendar (RFC 5545), METHOD:REQUEST, or CANCEL once cancelled; UID stable, SEQUENCE the meeting's.")
            .Produces<string>(contentType: "text/calendar");
}

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

/// <summary>Issues (or replaces) my calendar subscription secret; the old one stops working.</summary>
public static class IssueCalendarFeed
{
    public sealed record Command : ICommand<FeedView>, ISignedInRequest, IAnswersWithSecret;

    /// <param name="Url">The address to give a calendar client; keep it secret.</param>
    public sealed record FeedView(string Url, DateTimeOffset CreatedAt);

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me, TimeProvider clock, IHttpContextAccessor http) : IRequestHandler<Command, FeedView>
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
            var request = http.HttpContext?.Request;
            var origin = request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
            return new FeedView($"{origin}/api/calendar.ics?token={token}", new DateTimeOffset(now));
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapPost("/calendar-feed", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Created("/api/me/calendar-feed", await mediator.Send(new Command(), ct)))
            .WithName("IssueCalendarFeed")
            .WithSummary("Get a calendar subscription address")
            .WithDescription("A secret address of your meetings for Outlook or Google Calendar. Issuing again replaces it: the old address stops working.");
}

public static class RevokeCalendarFeed
{
    public sealed record Command : ICommand<Unit>, ISignedInRequest;

    internal sealed class Validator : AbstractValidator<Command>;

    internal sealed class Handler(WorkspaceDb db, ICurrentUser me) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.CalendarFeeds.Where(f => f.PersonId == me.Id).ExecuteDeleteAsync(cancellationToken);
            return Unit.Value;
        }
    }

    public static void Map(RouteGroupBuilder me) =>
        me.MapDelete("/calendar-feed", async (IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new Command(), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeCalendarFeed")
            .WithSummary("Revoke my calendar subscription address")
            .WithDescription("The address stops working at once.");
}

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
