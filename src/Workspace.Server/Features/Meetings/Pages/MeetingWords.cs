using Workspace.Server.Domain.Meetings;

using Workspace.Server.Locale;

namespace Workspace.Server.Features.Meetings.Pages;

/// <summary>The words pages use for meetings (keys of <see cref="Locale.Ui"/>'s strings).</summary>
public static class MeetingWords
{
    public static string Kind(MeetingKind kind) => kind switch
    {
        MeetingKind.Plenary => "Plenary",
        MeetingKind.Heads => "Heads' meeting",
        _ => "Working group",
    };

    public static string Rsvp(RsvpResponse response) => response switch
    {
        RsvpResponse.Accepted => "Accepted",
        RsvpResponse.Declined => "Declined",
        _ => "Tentative",
    };

    /// <summary>
    /// The agenda typed in the scheduling form, one item per line; a line ending in an agency's code in brackets
    /// ("Trends report [UNODC]") names the agency that presents it. Null when nothing was typed.
    /// </summary>
    public static IReadOnlyList<ScheduleMeeting.AgendaItemInput>? Agenda(string? typed)
    {
        var items = (typed ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Select(line =>
            System.Text.RegularExpressions.Regex.Match(line, @"^(?<title>.*?)\s*\[(?<code>[A-Za-z][A-Za-z0-9-]{0,15})\]$") is { Success: true } named
                ? new ScheduleMeeting.AgendaItemInput(named.Groups["title"].Value, named.Groups["code"].Value.ToUpperInvariant())
                : new ScheduleMeeting.AgendaItemInput(line, null)).ToList();
        return items.Count == 0 ? null : items;
    }

    /// <summary>A date and a time typed in a zone ("2026-12-01", "14:00", "Europe/Vienna") as an instant; null when they do not make one.</summary>
    public static DateTimeOffset? Instant(string? date, string? time, string zone)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            || !MeetingZones.IsAccepted(zone))
        {
            return null;
        }

        return Times.Instant(day.ToDateTime(at, DateTimeKind.Unspecified), zone);
    }

    public static string Answer(Workspace.Server.Domain.Meetings.PollAnswerKind answer) => answer switch
    {
        Workspace.Server.Domain.Meetings.PollAnswerKind.Yes => "Yes",
        Workspace.Server.Domain.Meetings.PollAnswerKind.IfNeedBe => "If need be",
        _ => "No",
    };
}
