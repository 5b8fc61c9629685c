using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Workspace.Server.Locale;

/// <summary>
/// Plural forms by the Unicode CLDR's cardinal rules (for whole numbers) of the six official languages: English and
/// Spanish one/other (Spanish and French many for millions), French one for 0 and 1, Russian one/few/many, Arabic
/// zero/one/two/few/many/other, Chinese a single form.
/// </summary>
public static class Plurals
{
    public static string Category(string language, long n)
    {
        var i = Math.Abs(n);
        return language switch
        {
            "fr" => i is 0 or 1 ? "one" : i != 0 && i % 1_000_000 == 0 ? "many" : "other",
            "es" => i == 1 ? "one" : i != 0 && i % 1_000_000 == 0 ? "many" : "other",
            "ru" => (i % 10, i % 100) switch
            {
                (1, not 11) => "one",
                ( >= 2 and <= 4, not (>= 12 and <= 14)) => "few",
                _ => "many",
            },
            "ar" => (i, i % 100) switch
            {
                (0, _) => "zero",
                (1, _) => "one",
                (2, _) => "two",
                (_, >= 3 and <= 10) => "few",
                (_, >= 11 and <= 99) => "many",
                _ => "other",
            },
            "zh" => "other",
            _ => i == 1 ? "one" : "other",
        };
    }

    /// <summary>
    /// A sentence that counts, in the reader's language: <paramref name="other"/> is its key and English form (with
    /// <c>{0}</c> the count), <paramref name="one"/> the English singular. A translation gives its language's forms as
    /// <c>one=…|few=…|other=…</c>; a form it lacks falls back to its <c>other</c>.
    /// </summary>
    public static string Plural(this IStringLocalizer t, long count, string one, string other, params object[] more)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var category = Category(language, count);
        var translated = t[other];
        var form = translated.ResourceNotFound ? (category == "one" ? one : other)
            : HasForms(translated.Value) ? Pick(translated.Value, category)
            : translated.Value;
        return string.Format(CultureInfo.CurrentCulture, form, [count, .. more]);
    }

    private static readonly string[] Categories = ["zero=", "one=", "two=", "few=", "many=", "other="];

    private static bool HasForms(string value) => Categories.Any(c => value.StartsWith(c, StringComparison.Ordinal));

    private static string Pick(string forms, string category)
    {
        string? fallback = null;
        foreach (var part in forms.Split('|'))
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            var (name, text) = (part[..at], part[(at + 1)..]);
            if (name == category)
            {
                return text;
            }

            if (name == "other")
            {
                fallback = text;
            }
        }

        return fallback ?? forms;
    }
}
