namespace Workspace.Server.Auth;

/// <summary>
/// Every request states who may send it by implementing exactly one of the interfaces below; the
/// authorization behaviour enforces it for the API, the UI, the hub and the jobs alike.
/// </summary>
public interface IAccessRule;

/// <summary>Anyone, signed in or not (the public member directory, publications, sign-in itself).</summary>
public interface IPublicRequest : IAccessRule;

/// <summary>Any signed-in person.</summary>
public interface ISignedInRequest : IAccessRule;

/// <summary>People of the secretariat only.</summary>
public interface ISecretariatRequest : IAccessRule;

/// <summary>The secretariat, or focal points of the agencies that co-chair the group today.</summary>
public interface ICoChairOrSecretariatRequest : IAccessRule;

/// <summary>Focal points acting for their own agency, or the secretariat.</summary>
public interface IOwnAgencyRequest : IAccessRule
{
    string AgencyCode { get; }
}
