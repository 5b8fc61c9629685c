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
    /// <summary>Every string the pages write: the keys of the shell, its parts and every area's pages, and the words of the domain's states.</summary>
    private static HashSet<string> PageKeys()
    {
        var server = Path.Combine(Workspace.Tests.Infrastructure.Repository.Root, "src", "Workspace.Server");
        var components = Path.Combine(server, "Components");
        var keys = Directory.EnumerateFiles(components, "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(server, "Locale"), "*.cs"))
            .Concat(Directory.EnumerateDirectories(Path.Combine(server, "Features"), "Pages", SearchOption.AllDirectories)
                .SelectMany(pages => Directory.EnumerateFiles(pages, "*.*", SearchOption.AllDirectories)))
            // What notices and mail say, and the mail kinds' names in the settings.
            .Concat(Directory.EnumerateFiles(Path.Combine(server, "Features"), "*Notices.cs", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(server, "Mail"), "*.cs"))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Concat(PluralKey().Matches(File.ReadAllText(f))).Concat(MailKindLabel().Matches(File.ReadAllText(f))).Concat(PickedKey().Matches(File.ReadAllText(f)))
                .Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
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
        return keys;
    }

    /// <summary>Each translation, by language, as its resource file holds it: key → value.</summary>
    private static Dictionary<string, string> Translations(string language) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(Workspace.Tests.Infrastructure.Repository.Root, "src", "Workspace.Server", "Locale", $"Ui.{language}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    public static TheoryData<string> OtherLanguages => ["fr", "es", "ru", "zh", "ar"];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_string_of_the_pages_has_a_translation_in_each_language(string language)
    {
        var keys = PageKeys();
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Workspace.Server.Locale.Ui));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            var missing = keys.Where(k => localizer[k].ResourceNotFound).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0, $"No {language} for:\n" + string.Join("\n", missing));
            Assert.NotEqual("Sign in", localizer["Sign in"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        // Every language carries the same strings: one added in French alone is missing in the others.
        Assert.Equal(Translations("fr").Keys.Order(StringComparer.Ordinal), Translations(language).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fr", "one,other")]
    [InlineData("es", "one,other")]
    [InlineData("ru", "one,few,many,other")]
    [InlineData("ar", "zero,one,two,few,many,other")]
    [InlineData("zh", "")]
    public void A_counting_sentence_gives_every_plural_form_of_its_language_and_keeps_the_placeholders(string language, string forms)
    {
        var wanted = forms.Length == 0 ? [] : forms.Split(',');
        var wrong = new List<string>();
        foreach (var (key, value) in Translations(language))
        {
            var placeholders = Placeholder().Matches(key).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            var counting = Translations("fr")[key].StartsWith("one=", StringComparison.Ordinal);
            if (counting && wanted.Length > 0)
            {
                var parts = value.Split('|').Select(p => p.Split('=', 2)).ToList();
                if (!parts.Select(p => p[0]).Order(StringComparer.Ordinal).SequenceEqual(wanted.Order(StringComparer.Ordinal)))
                {
                    wrong.Add($"{key}: forms {string.Join(",", parts.Select(p => p[0]))}");
                }

                // A form may say its count in words ("يومان", two days), but never drops another placeholder.
                wrong.AddRange(parts.Where(p => p.Length < 2 || !placeholders.Where(h => h != "{0}").All(p[1].Contains)
                    || Placeholder().Matches(p[1]).Any(m => !placeholders.Contains(m.Value))).Select(p => $"{key}: form {p[0]}"));
            }
            else if (!Placeholder().Matches(value).Select(m => m.Value).ToHashSet(StringComparer.Ordinal).SetEquals(placeholders))
            {
                wrong.Add($"{key}: placeholders of \"{value}\"");
            }
        }

        Assert.True(wrong.Count == 0, $"In {language}:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("en", "Thu 14 Oct, 15:00", "Thu 13 Jan 2028, 09:30")]
    [InlineData("fr", "jeu. 14 oct., 15:00", "jeu. 13 janv. 2028, 09:30")]
    [InlineData("es", "jue 14 oct, 15:00", "jue 13 ene 2028, 09:30")]
    [InlineData("ru", "чт 14 окт., 15:00", "чт 13 янв. 2028, 09:30")]
    [InlineData("zh", "10月14日周四 15:00", "2028年1月13日周四 09:30")]
    [InlineData("ar", "الخميس 14 أكتوبر، 15:00", "الخميس 13 يناير 2028، 09:30")]
    public void A_day_and_a_time_read_as_each_language_writes_them_on_the_gregorian_calendar(string language, string thisYear, string nextYear)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
            var now = new DateTimeOffset(2027, 6, 1, 12, 0, 0, TimeSpan.Zero);
            Assert.Equal(thisYear, Times.DayAndTime(new DateTimeOffset(2027, 10, 14, 13, 0, 0, TimeSpan.Zero), "Europe/Vienna", now));
            Assert.Equal(nextYear, Times.DayAndTime(new DateTimeOffset(2028, 1, 13, 8, 30, 0, TimeSpan.Zero), "Europe/Vienna", now));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void Plural_categories_follow_the_cldr_rules_of_each_language()
    {
        Assert.Equal(["many", "one", "few", "many", "one", "few", "many", "many"], new long[] { 0, 1, 2, 5, 21, 22, 111, 1000 }.Select(n => Plurals.Category("ru", n)));
        Assert.Equal(["zero", "one", "two", "few", "few", "many", "many", "other", "other", "few"], new long[] { 0, 1, 2, 3, 10, 11, 99, 100, 102, 103 }.Select(n => Plurals.Category("ar", n)));
        Assert.Equal(["one", "one", "other", "many"], new long[] { 0, 1, 2, 1_000_000 }.Select(n => Plurals.Category("fr", n)));
        Assert.Equal(["other", "one", "other"], new long[] { 0, 1, 2 }.Select(n => Plurals.Category("es", n)));
        Assert.Equal(["other", "other"], new long[] { 1, 2 }.Select(n => Plurals.Category("zh", n)));
    }

    [Theory]
    [InlineData("ru", 1, "остался 1 день")]
    [InlineData("ru", 3, "осталось 3 дня")]
    [InlineData("ru", 5, "осталось 5 дней")]
    [InlineData("ru", 21, "остался 21 день")]
    [InlineData("ar", 1, "بقي يوم واحد")]
    [InlineData("ar", 2, "بقي يومان")]
    [InlineData("ar", 3, "بقيت 3 أيام")]
    [InlineData("ar", 11, "بقي 11 يومًا")]
    [InlineData("ar", 100, "بقي 100 يوم")]
    [InlineData("zh", 3, "还剩 3 天")]
    [InlineData("es", 1, "queda 1 día")]
    [InlineData("es", 4, "quedan 4 días")]
    public void Days_left_are_counted_in_the_words_of_each_language(string language, int days, string expected)
    {
        var now = new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);
        var t = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Workspace.Server.Locale.Ui));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            Assert.Equal(expected, Times.Left(t, now.AddDays(days).AddHours(1), now));
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
        var french = File.ReadAllText(Path.Combine(Workspace.Tests.Infrastructure.Repository.Root, "src", "Workspace.Server", "Locale", "Ui.fr.resx"));
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
        var t = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Workspace.Server.Locale.Ui));
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

    /// <summary>A mail kind's name in the settings: <c>new("round-opened", MailMode.Immediate, false, "A sign-off is requested…")</c>.</summary>
    [GeneratedRegex(@"new\(""[a-z-]+"", MailMode\.\w+, (?:true|false), ""((?:[^""\\]|\\.)+)""\)")]
    private static partial Regex MailKindLabel();

    /// <summary>A sentence in the templates of a notice, in quotes: <c>t["Reason: {0}", …]</c>; the key of a sentence picked first (<c>"An item {0} sent on…"</c>).</summary>
    [GeneratedRegex(@"=> ""(An item [^""\\]*(?:\\.[^""\\]*)*)""")]
    private static partial Regex PickedKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![\w.])[Tt]\[""((?:[^""\\]|\\.)+)""")]
    private static partial Regex Key();

    /// <summary>The key of a counting sentence: its other form, the third argument of <c>Plural</c>.</summary>
    [GeneratedRegex(@"\.Plural\([^""]*""(?:[^""\\]|\\.)*"",\s*""((?:[^""\\]|\\.)+)""")]
    private static partial Regex PluralKey();
}
