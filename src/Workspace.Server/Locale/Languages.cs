using System.Globalization;

namespace Workspace.Server.Locale;

/// <summary>
/// The six official languages of the United Nations, in which the interface, the notices and the mail are offered, by
/// their culture names, and in which a paper may carry versions. English comes first: it is the default.
/// </summary>
public static class Languages
{
    public static readonly IReadOnlyList<string> Offered = Domain.Papers.OfficialLanguages.Codes;

    /// <summary>Each language's English name: the key of its name in the reader's language (<c>T[Languages.Key("es")]</c> is "espagnol" in French).</summary>
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["en"] = "English",
        ["fr"] = "French",
        ["es"] = "Spanish",
        ["ru"] = "Russian",
        ["zh"] = "Chinese",
        ["ar"] = "Arabic",
    };

    /// <summary>The key of the language's name as a reader of another language says it, for <c>T[…]</c>.</summary>
    public static string Key(string language) => Keys.TryGetValue(language, out var key) ? key : language;

    /// <summary>Each language by its own name, as a reader of it looks for it in a list.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "English",
        ["fr"] = "Français",
        ["es"] = "Español",
        ["ru"] = "Русский",
        ["zh"] = "中文",
        ["ar"] = "العربية",
    };

    public static bool IsOffered(string? language) => language is not null && Offered.Contains(language, StringComparer.Ordinal);

    /// <summary>The language's own name ("Español"), or the code itself when it is not one of the six.</summary>
    public static string Name(string language) => Names.TryGetValue(language, out var name) ? name : language;

    /// <summary>The writing direction of the language, for <c>dir</c>: <c>rtl</c> for Arabic.</summary>
    public static string Direction(string language) => language == "ar" ? "rtl" : "ltr";

    /// <summary>The language of the page being rendered (its UI culture), as one of the six codes.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
