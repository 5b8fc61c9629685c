namespace Workspace.Server.Features.Polls;

internal sealed class PollsArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var polls = api.MapGroup("/polls").WithTags("Meetings");
        OpenPoll.Map(polls);
        ListPolls.Map(polls);
        GetPoll.Map(polls);
        AnswerPoll.Map(polls);
        PickPollSlot.Map(polls);
    }

    public void AddServices(IServiceCollection services) => services.AddSingleton<Server.Mail.INoticeTemplates, PollNotices>();
}
