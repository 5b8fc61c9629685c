using System.Globalization;
using Workspace.Server.Locale;

namespace Workspace.Tests.Locale;

/// <summary>Zones named as people of each language name them, and found again from what they type.</summary>
public sealed class ZoneNamesTests
{
    private static readonly DateTimeOffset Winter = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "Vienna")]
    [InlineData("fr", "Vienne")]
    [InlineData("es", "Viena")]
    [InlineData("ru", "Вена")]
    [InlineData("ar", "فيينا")]
    [InlineData("zh", "维也纳")]
    public void A_city_is_named_in_the_readers_language(string language, string vienna) =>
        Assert.Equal(vienna, ZoneNames.City("Europe/Vienna", CultureInfo.GetCultureInfo(language)));

    [Fact]
    public void A_city_the_language_does_not_rename_keeps_its_name() =>
        Assert.Equal("New York", ZoneNames.City("America/New_York", CultureInfo.GetCultureInfo("fr")));

    [Theory]
    [InlineData("Europe/Vienna", "Europe/Vienna")]
    [InlineData("vienne", "Europe/Vienna")]
    [InlineData("  Vienna ", "Europe/Vienna")]
    [InlineData("Autriche", "Europe/Vienna")]
    [InlineData("Genève", "Europe/Zurich")]
    [InlineData("geneve", "Europe/Zurich")]
    [InlineData("Вена", "Europe/Vienna")]
    [InlineData("new york", "America/New_York")]
    [InlineData("Vienne, Autriche — UTC+01:00", "Europe/Vienna")]
    [InlineData("Vienna, Austria — UTC+02:00", "Europe/Vienna")]
    [InlineData("UTC", "UTC")]
    public void What_a_person_types_or_chooses_names_a_zone(string typed, string zone) => Assert.Equal(zone, ZoneNames.Resolve(typed));

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("United States")]
    public void A_name_of_no_zone_or_of_several_names_none(string typed) => Assert.Null(ZoneNames.Resolve(typed));

    [Theory]
    [InlineData("Vienna International Centre, Board Room C", "Europe/Vienna")]
    [InlineData("Palais des Nations, Room XVII, Geneva", "Europe/Zurich")]
    [InlineData("UN Headquarters, New York, Conference Room 4", "America/New_York")]
    [InlineData("Centre de conférences, Bangkok", "Asia/Bangkok")]
    [InlineData("Room 12", null)]
    public void A_venue_names_its_zone_by_its_city(string venue, string? zone) => Assert.Equal(zone, ZoneNames.FromPlace(venue));

    [Fact]
    public void Every_offered_zone_is_found_again_from_its_label_in_every_language()
    {
        foreach (var language in new[] { "en", "fr", "es", "ru", "ar", "zh" })
        {
            var culture = CultureInfo.GetCultureInfo(language);
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = culture;
            try
            {
                var choices = ZoneNames.Choices(Winter);
                Assert.Contains(choices, c => c.Id == "Europe/Vienna" && c.Label == ZoneNames.Label("Europe/Vienna", Winter, culture));
                Assert.All(choices, c => Assert.Equal(c.Id, ZoneNames.Resolve(c.Label)));
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }
    }

    [Fact]
    public void The_choices_run_from_west_to_east_with_their_offset()
    {
        var choices = ZoneNames.Choices(Winter);
        Assert.Equal("Vienna, Austria — UTC+01:00", choices.Single(c => c.Id == "Europe/Vienna").Label);
        Assert.Equal("New York, United States — UTC−05:00", choices.Single(c => c.Id == "America/New_York").Label);
        Assert.True(choices.ToList().FindIndex(c => c.Id == "America/New_York") < choices.ToList().FindIndex(c => c.Id == "Europe/Vienna"));
    }
}
