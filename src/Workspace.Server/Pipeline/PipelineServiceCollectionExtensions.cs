using Workspace.Server.Auth;

using Workspace.Server.Data;

namespace Workspace.Server.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// MediatR 5.1.0 registered by hand (see docs/decisions/0001-mediatr-5.md): the mediator, every handler,
    /// validator and access rule in this assembly, and the behaviours in their order: metrics, the write rate, authorization,
    /// validation, idempotency, transaction.
    /// </summary>
    public static IServiceCollection AddWorkspacePipeline(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetRequiredService);
        services.AddScoped<IMediator, Mediator>();

        var assembly = typeof(PipelineServiceCollectionExtensions).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var handler in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddScoped(handler, type);
            }
        }

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        foreach (var (service, rule) in AccessRules.In(assembly))
        {
            services.AddScoped(service, rule);
        }

        services.AddSingleton(typeof(IValidator<>), typeof(TextValidator<>));

        // Registration order is pipeline order: the first registered behaviour is the outermost.
        services.AddSingleton<RequestMetrics>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(MetricsBehaviour<,>));
        services.AddSingleton<WriteRate>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(WriteRateBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ProjectionsBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        services.AddScoped<UnitOfWork>();
        services.AddScoped<IdempotencyKey>();
        services.AddSingleton<ITimedWork, IdempotencyKeyPurge>();
        return services;
    }
}
