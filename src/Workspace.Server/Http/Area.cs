using System.Reflection;

namespace Workspace.Server.Http;

/// <summary>
/// A feature area as the host sees it: it maps its own routes. Areas are found in the assembly, as handlers and
/// access rules are; the host names none of them, so a new use case is mapped by its own area.
/// </summary>
public interface IArea
{
    /// <summary>The area's routes under <c>/api</c>.</summary>
    void MapApi(RouteGroupBuilder api);

    /// <summary>What the area answers outside <c>/api</c>: feeds, downloads and form posts of the pages.</summary>
    void MapOutsideApi(IEndpointRouteBuilder app)
    {
    }

    /// <summary>The services of the area's own (such as who may see its objects), beside its handlers and rules, which the pipeline finds.</summary>
    void AddServices(IServiceCollection services)
    {
    }
}

public static class AreaRoutes
{
    /// <summary>Every area of <paramref name="assembly"/>, in the order of their names (so the API reference reads the same each time).</summary>
    public static IReadOnlyList<IArea> In(Assembly assembly) =>
    [
        .. assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IArea).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal).Select(t => (IArea)Activator.CreateInstance(t)!),
    ];

    /// <summary>Registers every area's own services.</summary>
    public static IServiceCollection AddAreas(this IServiceCollection services)
    {
        foreach (var area in In(typeof(AreaRoutes).Assembly))
        {
            area.AddServices(services);
        }

        return services;
    }

    /// <summary>Maps every area's routes: the API under <c>/api</c>, the rest where each area says.</summary>
    public static void MapAreas(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        foreach (var area in In(typeof(AreaRoutes).Assembly))
        {
            area.MapApi(api);
            area.MapOutsideApi(app);
        }
    }
}
