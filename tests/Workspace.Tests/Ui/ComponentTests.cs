using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Components;
using Workspace.Server.Components.Parts;
using Workspace.Server.Domain.Papers;

namespace Workspace.Tests.Ui;

/// <summary>The small parts every page is made of, rendered alone (bUnit).</summary>
public sealed class ComponentTests : IDisposable
{
    private readonly BunitContext context = new();
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public ComponentTests()
    {
        context.Services.AddLocalization();
        context.Services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero)));
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
    }

    [Fact]
    public void A_time_of_another_year_says_its_year_in_both_zones()
    {
        var at = new DateTimeOffset(2027, 1, 1, 2, 0, 0, TimeSpan.Zero);

        var time = context.Render<Moment>(p => p.Add(m => m.At, at).Add(m => m.Zone, "Europe/Vienna").Add(m => m.ReaderZone, "America/New_York")).Find("time");

        Assert.Equal("Fri 1 Jan 2027, 03:00 Vienna (21:00 Thu 31 Dec your time, New York)", time.TextContent);
    }

    [Fact]
    public void A_city_is_named_in_the_pages_language()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        var at = new DateTimeOffset(2026, 10, 14, 13, 0, 0, TimeSpan.Zero);

        var time = context.Render<Moment>(p => p.Add(m => m.At, at).Add(m => m.Zone, "Europe/Vienna").Add(m => m.ReaderZone, "Europe/Vienna")).Find("time");

        Assert.Equal("mer. 14 oct., 15:00 Vienne", time.TextContent);
    }

    [Fact]
    public void A_meeting_time_is_shown_in_its_zone_first_then_in_the_readers_with_the_instant_in_utc()
    {
        var at = new DateTimeOffset(2026, 10, 14, 13, 0, 0, TimeSpan.Zero);

        var time = context.Render<Moment>(p => p.Add(m => m.At, at).Add(m => m.Zone, "Europe/Vienna").Add(m => m.ReaderZone, "America/New_York")).Find("time");

        Assert.Equal("Wed 14 Oct, 15:00 Vienna (09:00 your time, New York)", time.TextContent);
        Assert.Equal("2026-10-14T13:00:00Z", time.GetAttribute("datetime"));
    }

    [Fact]
    public void A_reader_for_whom_the_meeting_falls_on_another_day_is_told_the_day()
    {
        var at = new DateTimeOffset(2026, 10, 14, 13, 0, 0, TimeSpan.Zero);

        var text = context.Render<Moment>(p => p.Add(m => m.At, at).Add(m => m.Zone, "Europe/Vienna").Add(m => m.ReaderZone, "Pacific/Auckland")).Find("time").TextContent;

        Assert.Equal("Wed 14 Oct, 15:00 Vienna (02:00 Thu 15 Oct your time, Auckland)", text);
    }

    [Fact]
    public void A_reader_in_the_meetings_own_zone_sees_one_time()
    {
        var at = new DateTimeOffset(2026, 10, 14, 13, 0, 0, TimeSpan.Zero);

        var text = context.Render<Moment>(p => p.Add(m => m.At, at).Add(m => m.Zone, "Europe/Vienna").Add(m => m.ReaderZone, "Europe/Vienna")).Find("time").TextContent;

        Assert.Equal("Wed 14 Oct, 15:00 Vienna", text);
    }

    [Fact]
    public void A_reader_whose_clock_reads_the_same_in_another_zone_is_not_told_the_time_twice()
    {
        var at = new DateTimeOffset(2026, 10, 14, 13, 0, 0, TimeSpan.Zero);

        var text = context.Render<Moment>(p => p.Add(m => m.At, at).Add(m => m.Zone, "Europe/Zurich").Add(m => m.ReaderZone, "Europe/Vienna")).Find("time").TextContent;

        Assert.Equal("Wed 14 Oct, 15:00 Zurich", text);
    }

    [Theory]
    [InlineData(AgencySignOffStatus.Approved, "Approved", "status-approved")]
    [InlineData(AgencySignOffStatus.Objected, "Objected", "status-objected")]
    [InlineData(AgencySignOffStatus.Pending, "Awaiting", "status-awaiting")]
    [InlineData(AgencySignOffStatus.AdoptedBySilence, "Adopted by silence", "status-approved")]
    public void A_sign_off_status_is_a_word_with_an_icon_hidden_from_screen_readers(AgencySignOffStatus status, string word, string css)
    {
        var paper = Guid.NewGuid();

        var span = context.Render<StatusWord>(p => p.Add(s => s.Status, status).Add(s => s.PaperId, paper).Add(s => s.AgencyCode, "IOM")).Find("span.status");

        Assert.Equal(word, span.TextContent[(span.TextContent.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Contains(css, span.ClassList);
        Assert.Equal("true", span.QuerySelector(".icon")!.GetAttribute("aria-hidden"));
        Assert.Equal(paper.ToString(), span.GetAttribute("data-paper"));
        Assert.Equal("IOM", span.GetAttribute("data-agency"));
    }

    [Fact]
    public void The_error_summary_is_headed_and_links_each_problem_to_its_field()
    {
        var errors = new FormErrors();
        errors.Add("reason", "An objection says why.");
        errors.Add("deadline", "Enter the deadline as a date and a time.");

        var summary = context.Render<ErrorSummary>(p => p.Add(s => s.Errors, errors)).Find("#error-summary");

        Assert.Equal("There is a problem", summary.QuerySelector("h2")!.TextContent);
        Assert.Equal(["#reason", "#deadline"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
    }

    [Fact]
    public void No_problem_renders_no_summary()
    {
        Assert.Empty(context.Render<ErrorSummary>(p => p.Add(s => s.Errors, new FormErrors())).Markup.Trim());
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        context.Dispose();
    }
}
