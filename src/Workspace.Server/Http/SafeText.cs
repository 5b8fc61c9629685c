using System.Text;

namespace Workspace.Server.Http;

/// <summary>What is written out of the process: text made safe for formats that cannot carry every character.</summary>
public static class SafeText
{
    /// <summary>The text with every character XML 1.0 cannot carry removed, for rows stored before the rule above.</summary>
    public static string ForXml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (XmlValid(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text[i]).Append(text[++i]);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }

        return clean.ToString();
    }

    /// <summary>The text on one line with no control character, for an iCalendar parameter or a header.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            clean.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }

        return clean.ToString().Trim();
    }

    private static bool XmlValid(string text)
    {
        try
        {
            System.Xml.XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }
}
