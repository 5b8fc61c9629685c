using Workspace.Server.Locale;

namespace Workspace.Tests.Locale;

/// <summary>The plural category of a count in each official language, against the Unicode CLDR's examples.</summary>
public sealed class PluralRulesTests
{
    [Theory]
    [InlineData("en", "one", 1)]
    [InlineData("en", "other", 0, 2, 5, 11, 21, 101, 1_000_000)]
    [InlineData("fr", "one", 0, 1)]
    [InlineData("fr", "many", 1_000_000, 2_000_000)]
    [InlineData("fr", "other", 2, 5, 11, 100, 1_000)]
    [InlineData("es", "one", 1)]
    [InlineData("es", "many", 1_000_000)]
    [InlineData("es", "other", 0, 2, 5, 100)]
    [InlineData("ru", "one", 1, 21, 31, 101, 1001)]
    [InlineData("ru", "few", 2, 3, 4, 22, 23, 24, 102)]
    [InlineData("ru", "many", 0, 5, 9, 10, 11, 12, 13, 14, 15, 20, 100, 111, 112)]
    [InlineData("ar", "zero", 0)]
    [InlineData("ar", "one", 1)]
    [InlineData("ar", "two", 2)]
    [InlineData("ar", "few", 3, 10, 103, 110, 1003)]
    [InlineData("ar", "many", 11, 26, 99, 111, 1011)]
    [InlineData("ar", "other", 100, 101, 102, 200, 1000)]
    [InlineData("zh", "other", 0, 1, 2, 5, 100)]
    public void A_count_takes_its_languages_plural_form(string language, string category, params int[] counts)
    {
        Assert.All(counts, n => Assert.Equal(category, Plurals.Category(language, n)));
    }

    [Fact]
    public void A_sentence_that_counts_takes_the_form_of_the_readers_language_and_falls_back_to_the_other_form()
    {
        var strings = new Strings(new() { ["{0} days left"] = "one={0} jour restant|other={0} jours restants", ["{0} agencies"] = "{0} organisations" });
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("fr");
            Assert.Equal(("0 jour restant", "1 jour restant", "2 jours restants"),
                (strings.Plural(0, "{0} day left", "{0} days left"), strings.Plural(1, "{0} day left", "{0} days left"), strings.Plural(2, "{0} day left", "{0} days left")));
            Assert.Equal("3 organisations", strings.Plural(3, "{0} agency", "{0} agencies"));
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            Assert.Equal(("1 day left", "0 days left"), (strings.Plural(1, "{0} day left", "{0} days left"), strings.Plural(0, "{0} day left", "{0} days left")));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Translations as a localizer holds them, for the current language only when it is French.</summary>
    private sealed class Strings(Dictionary<string, string> french) : Microsoft.Extensions.Localization.IStringLocalizer
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] =>
            System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" && french.TryGetValue(name, out var value)
                ? new(name, value)
                : new(name, name, resourceNotFound: true);

        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
