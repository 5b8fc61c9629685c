using Workspace.Server.Auth;

namespace Workspace.Server.Features.Consultations;

/// <summary>Those who moderate a public consultation: its paper's participating agencies and the secretariat (404 for anyone else).</summary>
public interface IConsultationModeratorRequest
{
    Guid ConsultationId { get; }
}

/// <summary>Those who see the comments of the consultation a public comment was made on: its paper's agencies and the secretariat (404 for anyone else).</summary>
public interface IConsultationCommentModeratorRequest
{
    Guid CommentId { get; }
}

/// <summary>Those who decide what of a consultation is published: its paper's lead agency and the secretariat (other participants 403, anyone else 404).</summary>
public interface IConsultationCommentDecisionRequest
{
    Guid CommentId { get; }
}

internal sealed class ConsultationModeratorRule<T>(ConsultationAccess consultations) : IAccessRule<T>
    where T : IConsultationModeratorRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) => consultations.EnsureModeratorAsync(request.ConsultationId, cancellationToken);
}

internal sealed class ConsultationCommentModeratorRule<T>(ConsultationAccess consultations) : IAccessRule<T>
    where T : IConsultationCommentModeratorRequest
{
    public Task CheckAsync(T request, CancellationToken cancellationToken) => consultations.EnsureCommentModeratorAsync(request.CommentId, cancellationToken);
}

internal sealed class ConsultationCommentDecisionRule<T>(ConsultationAccess consultations) : IAccessRule<T>
    where T : IConsultationCommentDecisionRequest
{
    public async Task CheckAsync(T request, CancellationToken cancellationToken)
    {
        if (!await consultations.EnsureCommentModeratorAsync(request.CommentId, cancellationToken))
        {
            throw new ForbiddenException("Only the paper's lead agency or the secretariat decides what of a consultation is published.");
        }
    }
}
