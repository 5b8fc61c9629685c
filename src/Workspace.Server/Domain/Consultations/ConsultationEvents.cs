namespace Workspace.Server.Domain.Consultations;

/// <summary>A public consultation on a revision opened, until its deadline.</summary>
public sealed record ConsultationOpened(Guid ConsultationId, Guid PaperId, string Title, int Revision, DateTimeOffset Deadline) : IEventData
{
    public static string Type => "consultation.opened";
}
