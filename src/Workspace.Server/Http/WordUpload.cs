using System.Globalization;

namespace Workspace.Server.Http;

/// <summary>A Word file posted as multipart form data (<c>file</c>) with a number beside it (the revision it is about).</summary>
public sealed record WordUpload(byte[] Content, string? FileName, int? Number)
{
    /// <summary>
    /// Reads the form, whatever arrives: what is not a form, a missing file or a number that is not one become an empty
    /// file and no number, for the request's validator to refuse after the pipeline has refused an outsider.
    /// </summary>
    public static async Task<WordUpload> ReadAsync(HttpRequest request, string numberField, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return new([], null, null);
        }

        var form = await request.ReadFormAsync(ct);
        using var content = new MemoryStream();
        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is not null)
        {
            await file.CopyToAsync(content, ct);
        }

        var number = int.TryParse(form[numberField], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return new(content.ToArray(), file?.FileName, number);
    }
}
