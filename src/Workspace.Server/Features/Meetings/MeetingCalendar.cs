using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Workspace.Server.Data;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Http;

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

    /// <summary>
    /// The meetings as an iCalendar: <c>PUBLISH</c> for a download or a feed (the reader's calendar keeps a copy),
    /// <c>REQUEST</c> or <c>CANCEL</c> for a mailed invitation. Each event carries its venue (LOCATION), the meeting's page
    /// (URL) and the agenda with the link to join (DESCRIPTION): every reader of it is invited.
    /// </summary>
    internal static async Task<string> WriteAsync(WorkspaceDb db, IReadOnlyList<Meeting> meetings, string method, DateTime now, Uri site, CancellationToken ct)
    {
        var agencies = meetings.SelectMany(m => m.InvitedAgencyCodes).Distinct().ToList();
        var people = (await db.Users.AsNoTracking().Where(p => agencies.Contains(p.AgencyCode))
                .Select(p => new Person(p.Email!, p.DisplayName, p.AgencyCode)).ToListAsync(ct))
            .ToLookup(p => p.AgencyCode);

        var calendar = new Calendar { ProductId = "-//Inter-Agency Workspace//Meetings//EN", Method = method };
        foreach (var zone in meetings.Select(m => MeetingZones.Described(m.TimeZone)).Where(z => z != MeetingZones.Utc).Distinct(StringComparer.Ordinal))
        {
            calendar.AddTimeZone(zone);
        }

        foreach (var meeting in meetings)
        {
            calendar.Events.Add(Event(meeting, people, now, site));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>A file name from the meeting's title: letters, digits and dashes, as every system saves it.</summary>
    public static string FileName(string title)
    {
        var slug = string.Join('-', new string([.. title.Normalize(NormalizationForm.FormD)
                .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return (slug.Length == 0 ? "meeting" : slug[..Math.Min(slug.Length, 80)].TrimEnd('-')) + ".ics";
    }

    private static CalendarEvent Event(Meeting m, ILookup<string, Person> people, DateTime now, Uri site)
    {
        var zoneId = MeetingZones.Described(m.TimeZone);
        var zone = MeetingZones.Find(m.TimeZone);
        DateTime Local(DateTime utc) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);
        var answers = m.Rsvps.ToDictionary(r => r.Email, r => r.Response, StringComparer.OrdinalIgnoreCase);
        var e = new CalendarEvent
        {
            Uid = Uid(m.Id),
            Sequence = m.Sequence,
            Summary = m.Title,
            Description = Description(m),
            Location = m.Venue ?? m.OnlineUrl,
            Url = new Uri(site, $"meetings/{m.Id}"),
            DtStart = new CalDateTime(Local(m.StartsAt), zoneId),
            DtEnd = new CalDateTime(Local(m.EndsAt), zoneId),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc), "UTC"),
            Status = m.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{m.Organizer}") { CommonName = m.OrganizerAgencyCode },
        };
        foreach (var person in m.InvitedAgencyCodes.SelectMany(code => people[code]))
        {
            e.Attendees.Add(new Attendee($"mailto:{person.Email}")
            {
                CommonName = ParameterText(person.DisplayName.Contains(person.AgencyCode, StringComparison.Ordinal) ? person.DisplayName : $"{person.DisplayName} ({person.AgencyCode})"),
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

        if (m.OnlineUrl is { } online)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n\nJoin online: {online}");
        }

        return text.ToString();
    }

    /// <summary>
    /// A parameter value (RFC 5545 section 3.1): one line without control characters and without DQUOTE,
    /// which a quoted value cannot hold (RFC 6868's ^' is not read by every client; an apostrophe is).
    /// Ical.Net quotes the value when it holds ';', ':' or ','.
    /// </summary>
    internal static string ParameterText(string text) => SafeText.OneLine(text).Replace('"', '\'');

    internal static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
