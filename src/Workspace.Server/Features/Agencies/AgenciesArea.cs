namespace Workspace.Server.Features.Agencies;

internal sealed class AgenciesArea : Http.IArea
{
    public void MapApi(RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies").WithTags("Membership");
        ListAgencies.Map(agencies);
        GetAgency.Map(agencies);
        RegisterAgency.Map(agencies);
        UpdateAgencyProfile.Map(agencies);
        RegisterFocalPoint.Map(agencies);
        var chains = api.MapGroup("/agencies").WithTags("Sign-off practice");
        GetClearanceChain.Map(chains);
        ChangeClearanceChain.Map(chains);
        ListMembers.Map(api);
        GetDirectoryTerms.Map(api);
        ChangeDirectoryTerms.Map(api);
        GetMemberProfile.Map(api);
        ListPeople.Map(api);
        SetPersonAgency.Map(api);
    }
}
