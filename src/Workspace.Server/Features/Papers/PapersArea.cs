namespace Workspace.Server.Features.Papers;

internal sealed class PapersArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var papers = api.MapGroup("/papers").WithTags("Papers");
        CreatePaper.Map(papers);
        ListPapers.Map(papers);
        GetPaper.Map(papers);
        AddRevision.Map(papers);
        ListRevisions.Map(papers);
        GetRevision.Map(papers);
        GetRevisionBlocks.Map(papers);
        AddAnnotation.Map(papers);
        ImportAnnotations.Map(papers);
        ListAnnotations.Map(papers);
        SendContribution.Map(papers);
        ListContributions.Map(papers);
        AddRevisionFromSuggestions.Map(papers);
        GetDispositions.Map(papers);
        ImportRevision.Map(papers);
        ExportRevision.Map(papers);
        GetDiff.Map(papers);
        AddComment.Map(papers);
        ListComments.Map(papers);
        OpenRound.Map(papers);
        RecordSignOff.Map(papers);
        RecordClearance.Map(papers);
        GetClearance.Map(papers);
        ProposeCorrection.Map(papers);
        ObjectToCorrection.Map(papers);
        ListCorrections.Map(papers);
        ListRounds.Map(papers);
        PublishPaper.Map(papers);
        WithdrawPaper.Map(papers);
        GetSignOffRecord.Map(papers);
        AddVersionRevision.Map(papers);
        GetVersion.Map(papers);
        ReviewVersion.Map(papers);
        LanguageReviewersRoutes.Map(api);
        GetSignOffStatus.Map(api);
        var annotations = api.MapGroup("/annotations").WithTags("Papers");
        ChangeAnnotation.Map(annotations);
        DisposeAnnotation.Map(annotations);
    }

    public void MapOutsideApi(IEndpointRouteBuilder app)
    {
        ExportRevision.MapDownload(app);
        GetDispositions.MapDownload(app);
        Pages.BoardFilter.MapCsv(app);
    }

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PaperAccess>();
        services.AddSingleton<Data.ITimedWork, PaperDeadlines>();
        services.AddSingleton<Server.Mail.INoticeTemplates, PaperNotices>();
        services.AddSingleton<GetDiff.Cache>();
        services.AddSingleton<GetSignOffStatus.Cache>();
        services.AddSingleton<Data.ILogReaction, RevisionBlocksProjection>();
    }
}
