using Workspace.Server.Domain.Meetings;

using Workspace.Server.Locale;

namespace Workspace.Server.Features.Meetings.Pages;

/// <summary>The words pages use for meetings (keys of <see cref="Components.Ui"/>'s strings).</summary>
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
