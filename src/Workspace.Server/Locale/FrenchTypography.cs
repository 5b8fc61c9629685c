using System.Text.RegularExpressions;

namespace Workspace.Server.Locale;

/// <summary>
/// French puts a no-break space before <c>: ; ? !</c> and inside guillemets, so that the sign never wraps alone onto
/// the next line. The pages' strings carry it already; the texts written in code (mail, notices) are set by this.
/// </summary>
public static partial class FrenchTypography
{
    /// <summary>The text with each plain space before <c>: ; ? ! »</c> and after <c>«</c> made a no-break space; nothing else changes.</summary>
    public static string Set(string text) => Spaces().Replace(text, m => m.Value[0] == '«' ? "«\u00a0" : "\u00a0" + m.Value[^1]);

    /// <summary>
    /// The colon after a label in markup ("Moderation: title"), as the page's language sets it: French with a no-break
    /// space before it, Chinese with its full-width colon and no space.
    /// </summary>
    public static string Colon => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "fr" => "\u00a0: ",
        "zh" => "：",
        _ => ": ",
    };

    [GeneratedRegex("(?<=\\S) [:;?!»]|« ")]
    private static partial Regex Spaces();
}
