using System.Reflection;

namespace Workspace.Server.Auth;

/// <summary>
/// Who may send a request of type <typeparamref name="TRequest"/>. Every request has exactly one, found in the
/// assembly as validators are: a rule written for that request, or a rule for every request that implements the
/// interface it serves (<c>PaperParticipantRule&lt;T&gt; where T : IPaperParticipantRequest</c>), kept in the
/// area it belongs to. The authorization behaviour runs it first, for the API, the pages, the hub and the jobs.
/// </summary>
public interface IAccessRule<in TRequest>
{
    /// <summary>Whether people who are not signed in may send it; otherwise they are refused (401) before the rule runs.</summary>
    bool ForAnyone => false;

    /// <summary>Refuses (403, or 404 where the object is not the sender's to see) a request its sender may not make.</summary>
    Task CheckAsync(TRequest request, CancellationToken cancellationToken);
}

public static class AccessRules
{
    /// <summary>
    /// Each access rule in <paramref name="assembly"/> with the request type it serves: a rule class as it is, a
    /// generic rule closed over every request that meets its constraints.
    /// </summary>
    public static IEnumerable<(Type Service, Type Implementation)> In(Assembly assembly)
    {
        var requests = assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))).ToList();
        foreach (var rule in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            var served = rule.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAccessRule<>)).ToList();
            if (served.Count == 0)
            {
                continue;
            }

            if (!rule.IsGenericTypeDefinition)
            {
                foreach (var service in served)
                {
                    yield return (service, rule);
                }

                continue;
            }

            var parameter = rule.GetGenericArguments().Single();
            foreach (var request in requests.Where(r => parameter.GetGenericParameterConstraints().All(c => c.IsAssignableFrom(r))))
            {
                yield return (typeof(IAccessRule<>).MakeGenericType(request), rule.MakeGenericType(request));
            }
        }
    }
}
