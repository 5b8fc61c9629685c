using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Features.Papers.Pages;

/// <summary>The words pages use for comments and suggestions (keys of <see cref="Locale.Ui"/>'s strings).</summary>
public static class NegotiationWords
{
    public static string Kind(AnnotationKind kind) => kind switch
    {
        AnnotationKind.Comment => "Comment",
        AnnotationKind.Replace => "Replace",
        AnnotationKind.Insert => "Insert",
        _ => "Delete",
    };

    public static string Status(AnnotationStatus status) => status switch
    {
        AnnotationStatus.Draft => "Draft",
        AnnotationStatus.Open => "Awaiting the lead",
        AnnotationStatus.Accepted => "Accepted",
        AnnotationStatus.PartlyAccepted => "Partly accepted",
        AnnotationStatus.Rejected => "Rejected",
        AnnotationStatus.Noted => "Noted",
        AnnotationStatus.Outdated => "Outdated",
        _ => "Withdrawn",
    };
}
