using System.Globalization;
using Workspace.Server.Domain.Meetings;

namespace Workspace.Server.Locale;

/// <summary>
/// Times as people read them (UI.md §7): in a zone named by its city, the meeting's zone first and the
/// reader's beside it only when it differs, a change of day said.
/// </summary>
public static class Times
{
    /// <summary>"Europe/Vienna" → "Vienna", "America/New_York" → "New York".</summary>
    public static string City(string zone) => ZoneNames.City(zone);

    public static DateTime In(DateTimeOffset instant, string zone) => TimeZoneInfo.ConvertTime(instant, MeetingZones.Find(zone)).DateTime;

    /// <summary>"Wed 14 Oct, 15:00"; "Wed 14 Oct 2027, 15:00" when it falls in another year than <paramref name="now"/> (in Chinese "10月14日周三 15:00").</summary>
    public static string DayAndTime(DateTimeOffset instant, string zone, DateTimeOffset? now = null) =>
        Day(instant, zone, now) + Pattern.Between + Time(instant, zone);

    /// <summary>"Thu 15 Oct"; "Thu 15 Oct 2027" when it falls in another year than <paramref name="now"/>.</summary>
    public static string Day(DateTimeOffset instant, string zone, DateTimeOffset? now = null) =>
        In(instant, zone).ToString(OtherYear(instant, zone, now) ? Pattern.DayOfYear : Pattern.Day, Calendar);

    /// <summary>
    /// How the reader's language writes a day and a time: the day's name first, then the date (Chinese puts the month
    /// first and the day's name after), a comma before the time (Arabic's own comma, none in Chinese).
    /// </summary>
    private static (string Day, string DayOfYear, string Between) Pattern => CultureInfo.CurrentCulture.TwoLetterISOLanguageName switch
    {
        "zh" => ("M月d日ddd", "yyyy年M月d日ddd", " "),
        "ar" => ("ddd d MMM", "ddd d MMM yyyy", "، "),
        _ => ("ddd d MMM", "ddd d MMM yyyy", ", "),
    };

    /// <summary>What separates two readings of one moment ("15:00 (Vienna), 14:00 UTC") in the reader's language.</summary>
    public static string Separator => CultureInfo.CurrentCulture.TwoLetterISOLanguageName switch
    {
        "ar" => "، ",
        "zh" => "，",
        _ => ", ",
    };

    /// <summary>The reader's culture on the Gregorian calendar the group's dates are set in, whatever calendar the culture favours.</summary>
    private static CultureInfo Calendar
    {
        get
        {
            var culture = CultureInfo.CurrentCulture;
            if (culture.DateTimeFormat.Calendar is GregorianCalendar)
            {
                return culture;
            }

            var gregorian = (CultureInfo)culture.Clone();
            gregorian.DateTimeFormat.Calendar = new GregorianCalendar();
            return gregorian;
        }
    }

    private static bool OtherYear(DateTimeOffset instant, string zone, DateTimeOffset? now) =>
        now is { } today && In(instant, zone).Year != In(today, zone).Year;

    public static string Time(DateTimeOffset instant, string zone) => In(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A clock reading in a zone (a form's date and time) as the instant it names.</summary>
    public static DateTimeOffset Instant(DateTime local, string zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), MeetingZones.Find(zone)), TimeSpan.Zero);

    /// <summary>A <c>datetime-local</c> field's value read on the clock of <paramref name="zone"/>; null when it is not a date and a time.</summary>
    public static DateTimeOffset? FromLocalInput(string? value, string zone) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? Instant(local, zone) : null;

    /// <summary>An instant as a <c>datetime-local</c> field's value on the clock of <paramref name="zone"/>.</summary>
    public static string LocalInput(DateTimeOffset instant, string zone) => In(instant, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The value of a <c>datetime</c> attribute: the instant in UTC.</summary>
    public static string Machine(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>What is left until a deadline, roughly: "2 days", "5 hours", "40 minutes".</summary>
    /// <summary>"3 days left", "1 day left", "5 hours left", "20 minutes left" in the reader's language, or "Overdue" once passed.</summary>
    public static string Left(Microsoft.Extensions.Localization.IStringLocalizer t, DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        return left <= TimeSpan.Zero ? t["Overdue"]
            : left.TotalDays >= 1 ? t.Plural((long)left.TotalDays, "{0} day left", "{0} days left")
            : left.TotalHours >= 1 ? t.Plural((long)left.TotalHours, "{0} hour left", "{0} hours left")
            : t.Plural((long)Math.Ceiling(left.TotalMinutes), "{0} minute left", "{0} minutes left");
    }

    /// <summary>"early" before 08:00 and "late" from 19:00 on the clock of <paramref name="zone"/>, else null: a time to ask people about with care.</summary>
    public static string? OddHour(DateTimeOffset instant, string zone) => In(instant, zone).Hour switch
    {
        < 8 => "early",
        >= 19 => "late",
        _ => null,
    };
}
