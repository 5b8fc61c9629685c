using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workspace.Server.Components;
using Workspace.Server.Features.Meetings.Pages;
using Workspace.Server.Features.Papers.Pages;
using Workspace.Server.Locale;

namespace Workspace.Tests.Ui;

/// <summary>Every string the pages write has its French; the words and times pages show read as people write them.</summary>
public sealed partial class UiTextTests
{
    [Fact]
    public void Every_string_of_the_pages_has_a_French_translation()
    {
        // The shell and its parts, and every area's pages.
        var server = Path.Combine(Workspace.Tests.Infrastructure.Repository.Root, "src", "Workspace.Server");
        var components = Path.Combine(server, "Components");
        var keys = Directory.EnumerateFiles(components, "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(server, "Locale"), "*.cs"))
            .Concat(Directory.EnumerateDirectories(Path.Combine(server, "Features"), "Pages", SearchOption.AllDirectories)
                .SelectMany(pages => Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories)))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Concat(PluralKey().Matches(File.ReadAllText(f))).Select(m => m.Groups[1].Value))
            .Concat(Enum.GetValues<Workspace.Server.Domain.Papers.PaperKind>().Select(PaperWords.Kind))
            .Concat(Enum.GetValues<Workspace.Server.Domain.Papers.PaperState>().Select(PaperWords.State))
            .Concat(Enum.GetValues<Workspace.Server.Domain.Papers.RoundStatus>().Select(PaperWords.Round))
            .Concat(Enum.GetValues<Workspace.Server.Domain.Papers.Procedure>().Select(PaperWords.Procedure))
            .Concat(Enum.GetValues<Workspace.Server.Domain.Meetings.MeetingKind>().Select(MeetingWords.Kind))
            .Concat(Enum.GetValues<Workspace.Server.Domain.Meetings.RsvpResponse>().Select(MeetingWords.Rsvp))
            .Concat(Enum.GetValues<Workspace.Server.Domain.Papers.AgencySignOffStatus>().SelectMany(a =>
                new Workspace.Server.Domain.Papers.RoundClosing?[] { null, Workspace.Server.Domain.Papers.RoundClosing.Completed, Workspace.Server.Domain.Papers.RoundClosing.SilenceBroken,
                    Workspace.Server.Domain.Papers.RoundClosing.Cancelled, Workspace.Server.Domain.Papers.RoundClosing.Adopted }
                    .Select(c => Workspace.Server.Components.Parts.StatusWord.For(a, c).Word)))
            .Where(k => !k.EndsWith(' '))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(keys.Count > 250, $"Only {keys.Count} strings found under {server}.");

        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Workspace.Server.Components.Ui));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("fr");
        try
        {
            var missing = keys.Where(k => localizer[k].ResourceNotFound).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0, "No French for:\n" + string.Join("\n", missing));
            Assert.Equal("Se connecter", localizer["Sign in"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_colon_after_a_label_in_the_pages_markup_is_set_by_the_pages_language()
    {
        // "Moderation: title" written in markup would put a breaking space (none) before the French colon.
        var server = Path.Combine(Workspace.Tests.Infrastructure.Repository.Root, "src", "Workspace.Server");
        var plain = Directory.EnumerateFiles(server, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.Contains("<PageTitle>", StringComparison.Ordinal) && Regex.IsMatch(l.Text, @"@T\[""[^""]*""\]: [<@]"))
            .Select(l => $"{l.File}:{l.Line}").ToList();
        Assert.True(plain.Count == 0, "A colon in markup after a string of the pages (use FrenchTypography.Colon):\n" + string.Join("\n", plain));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("fr");
            Assert.Equal("\u00a0: ", Workspace.Server.Locale.FrenchTypography.Colon);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal(": ", Workspace.Server.Locale.FrenchTypography.Colon);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Zones_are_named_by_their_city()
    {
        Assert.Equal("Vienna", Times.City("Europe/Vienna"));
        Assert.Equal("New York", Times.City("America/New_York"));
        Assert.Equal("Buenos Aires", Times.City("America/Argentina/Buenos_Aires"));
        Assert.Equal("UTC", Times.City("UTC"));
    }

    [Fact]
    public void A_time_typed_in_a_zone_is_the_instant_of_that_zone_on_that_day_summer_or_winter()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 13, 0, 0, TimeSpan.Zero), MeetingWords.Instant("2026-07-01", "15:00", "Europe/Vienna"));
        Assert.Equal(new DateTimeOffset(2027, 1, 13, 14, 0, 0, TimeSpan.Zero), MeetingWords.Instant("2027-01-13", "15:00", "Europe/Vienna"));
        Assert.Null(MeetingWords.Instant("2027-02-30", "15:00", "Europe/Vienna"));
        Assert.Null(MeetingWords.Instant("2027-01-13", "25:00", "Europe/Vienna"));
        Assert.Null(MeetingWords.Instant("2027-01-13", "15:00", "US/Eastern"));
    }

    [Fact]
    public void French_punctuation_that_takes_a_space_before_it_takes_one_that_does_not_break()
    {
        var french = File.ReadAllText(Path.Combine(Workspace.Tests.Infrastructure.Repository.Root, "src", "Workspace.Server", "Components", "Ui.fr.resx"));
        var values = Regex.Matches(french, "<value>(.*?)</value>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(values.Count > 250, $"Only {values.Count} French strings found.");

        // A plain space before : ; ? ! lets the sign wrap to the next line alone.
        var breaking = values.Where(v => Regex.IsMatch(v, @" [:;?!](\s|$)")).ToList();
        Assert.True(breaking.Count == 0, "A breaking space before the sign in:\n" + string.Join("\n", breaking));
        Assert.Contains(values, v => v.Contains("\u00a0:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_time_left_before_a_deadline_is_said_in_days_then_hours_then_minutes_in_the_readers_language()
    {
        var now = new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);
        var t = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Workspace.Server.Components.Ui));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal(
                ["3 days left", "1 day left", "23 hours left", "1 hour left", "45 minutes left", "1 minute left", "Overdue"],
                new[] { now.AddDays(3.5), now.AddHours(30), now.AddHours(23.5), now.AddMinutes(61), now.AddMinutes(45), now.AddSeconds(30), now.AddMinutes(-5) }
                    .Select(deadline => Times.Left(t, deadline, now)));
            CultureInfo.CurrentUICulture = new CultureInfo("fr");
            Assert.Equal(["encore 3 jours", "encore 1 jour", "encore 1 heure", "En retard"],
                new[] { now.AddDays(3.5), now.AddHours(30), now.AddMinutes(61), now.AddMinutes(-5) }.Select(deadline => Times.Left(t, deadline, now)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Drafts_are_rendered_without_the_html_or_scripts_they_carry()
    {
        var html = Markdown.Render("# Title\n\n<script>alert(1)</script>\n\n[link](javascript:alert(2)) and **bold**\n").Value;

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"(?<![\w.])[Tt]\[""((?:[^""\\]|\\.)+)""")]
    private static partial Regex Key();

    /// <summary>The key of a counting sentence: its other form, the third argument of <c>Plural</c>.</summary>
    [GeneratedRegex(@"\.Plural\([^""]*""(?:[^""\\]|\\.)*"",\s*""((?:[^""\\]|\\.)+)""")]
    private static partial Regex PluralKey();
}
