using System.Text;

namespace Workspace.Server.Domain;

/// <summary>Plain text put into the workspace's markdown so that it reads as text, never as markup.</summary>
public static class MarkdownText
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
