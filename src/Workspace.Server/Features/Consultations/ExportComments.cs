using System.Globalization;
using System.Text;
using Workspace.Server.Pipeline;

namespace Workspace.Server.Features.Consultations;

/// <summary>Every comment of a consultation as a spreadsheet, for the agencies that draft the answer.</summary>
public static class ExportComments
{
    public sealed record Query(Guid ConsultationId) : IQuery<string>, IConsultationModeratorRequest;

    internal sealed class Handler(IMediator mediator) : IRequestHandler<Query, string>
    {
        public async Task<string> Handle(Query query, CancellationToken cancellationToken)
        {
            var comments = await mediator.Send(new ListCommentsForModeration.Query(query.ConsultationId), cancellationToken);
            var csv = new StringBuilder("received,status,name,organization,email,section,comment,answered_in_revision,moderation_reason\r\n");
            foreach (var c in comments)
            {
                csv.Append(string.Join(',', new[]
                {
                    c.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), c.Status.ToString(), c.Name, c.Organization, c.Email, c.Section ?? "", c.Text,
                    c.AnsweredInRevision?.ToString(CultureInfo.InvariantCulture) ?? "", c.Reason ?? "",
                }.Select(Http.Csv.Field))).Append("\r\n");
            }

            return csv.ToString();
        }
    }

    public static void Map(RouteGroupBuilder consultations) =>
        consultations.MapGet("/{consultationId:guid}/comments.csv", async (Guid consultationId, IMediator mediator, CancellationToken ct) =>
                Results.Text(await mediator.Send(new Query(consultationId), ct), "text/csv; charset=utf-8"))
            .WithName("ExportComments")
            .WithSummary("Every comment of a consultation as CSV")
            .WithDescription("The paper's agencies and the secretariat (anyone else 404): received, status, name, organization, email, section, comment, the revision that answers it, the moderation reason.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

    /// <summary>The same download for the pages' people, signed in by the pages' cookie.</summary>
    public static void MapDownload(IEndpointRouteBuilder app) =>
        app.MapGet("/consultations/{consultationId:guid}/comments.csv", async (Guid consultationId, IMediator mediator, CancellationToken ct) =>
                Results.Text(await mediator.Send(new Query(consultationId), ct), "text/csv; charset=utf-8"))
            .RequireAuthorization()
            .ExcludeFromDescription();
}
