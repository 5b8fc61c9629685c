namespace Workspace.Server.Data;

/// <summary>How a person takes one kind of mail: not at all, as it happens, or gathered in a daily digest.</summary>
public enum MailMode
{
    Off,
    Immediate,
    Digest,
}

/// <summary>A person's choice for one kind of mail, where it is not the default.</summary>
public sealed class MailChoice
{
    public Guid PersonId { get; init; }

    public string Kind { get; init; } = "";

    public MailMode Mode { get; set; }
}
