namespace Workspace.Server.Features.Consultations;

internal sealed class ConsultationsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var papers = api.MapGroup("/papers").WithTags("Papers");
        OpenConsultation.Map(papers);
        ListConsultations.Map(papers);
        var consultations = api.MapGroup("/consultations").WithTags("Consultations");
        GetConsultation.Map(consultations);
        CommentOnConsultation.Map(consultations);
        ConfirmComment.Map(consultations);
        ListCommentsForModeration.Map(consultations);
        ModerateComment.Map(api);
        AnswerComment.Map(api);
        ExportComments.Map(consultations);
    }

    public void MapOutsideApi(IEndpointRouteBuilder app) => ExportComments.MapDownload(app);

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ConsultationAccess>();
        services.AddSingleton<Data.ITimedWork, ConsultationDeadlines>();
        services.AddSingleton<PublicCommentThrottle>();
        services.AddSingleton<ConsultationNotices>();
        services.AddSingleton<Server.Mail.INoticeTemplates>(sp => sp.GetRequiredService<ConsultationNotices>());
    }
}
