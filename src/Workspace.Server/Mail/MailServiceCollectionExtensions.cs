namespace Workspace.Server.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>Outgoing mail: the composer (used by the reactions that write mail after commit) and the delivery.</summary>
    public static IServiceCollection AddWorkspaceMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration("Mail").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailLinks>();
        services.AddSingleton<MailCatalog>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailDelivery>();
        services.AddScoped<MailJobs>();
        return services;
    }
}
