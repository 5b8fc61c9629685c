namespace Workspace.Server.Http;

/// <summary>Spreadsheets the workspace hands out (the board, a consultation's comments).</summary>
public static class Csv
{
    /// <summary>Quoted as RFC 4180 says; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
