using MediatR;
using NetArchTest.Rules;
using Workspace.Server.Auth;
using Workspace.Server.Pipeline;

namespace Workspace.Tests.Architecture;

/// <summary>A few rules that keep the shape of the server honest as it grows.</summary>
public sealed class ShapeTests
{
    private static readonly System.Reflection.Assembly Server = typeof(Workspace.Server.WorkspaceApp).Assembly;

    private static IEnumerable<Type> Requests => Server.GetTypes()
        .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));

    [Fact]
    public void There_are_requests_to_check()
    {
        Assert.True(Requests.Count() >= 15, string.Join(", ", Requests.Select(r => r.FullName)));
    }

    [Fact]
    public void Every_request_has_exactly_one_handler()
    {
        var handlers = Server.GetTypes().SelectMany(t => t.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
            .Select(i => i.GetGenericArguments()[0])).ToList();
        foreach (var request in Requests)
        {
            Assert.True(handlers.Count(h => h == request) == 1, $"{request.FullName} has {handlers.Count(h => h == request)} handlers");
        }
    }

    [Fact]
    public void Every_request_has_exactly_one_access_rule()
    {
        var rules = AccessRules.In(Server).ToList();
        foreach (var request in Requests)
        {
            var served = rules.Where(r => r.Service == typeof(IAccessRule<>).MakeGenericType(request)).Select(r => r.Implementation.Name).ToList();
            Assert.True(served.Count == 1, $"{request.FullName} has {served.Count} access rules: {string.Join(", ", served)}");
        }
    }

    [Fact]
    public async Task A_request_with_no_access_rule_is_refused_by_the_pipeline_before_it_runs()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddWorkspacePipeline();
        Assert.Contains(services, s => s.ServiceType == typeof(IAccessRule<Workspace.Server.Features.Papers.RecordSignOff.Command>));
        Assert.DoesNotContain(services, s => s.ServiceType == typeof(IAccessRule<Unruly>));
        // No one is asked who the sender is, nor whose alternate: the request stops before.
        var pipeline = new AuthorizationBehaviour<Unruly, Unit>([], null!, null!);
        var ran = false;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.Handle(new Unruly(), CancellationToken.None, () =>
        {
            ran = true;
            return Task.FromResult(Unit.Value);
        }));
        Assert.Contains("does not state who may send it", refused.Message, StringComparison.Ordinal);
        Assert.False(ran);
    }

    /// <summary>A request that says nothing of who may send it (outside the server's assembly, so no rule finds it).</summary>
    public sealed record Unruly : IRequest<Unit>;

    [Fact]
    public void Every_command_has_a_validator()
    {
        var validated = Server.GetTypes().SelectMany(t => t.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>))
            .Select(i => i.GetGenericArguments()[0])).ToHashSet();
        foreach (var command in Requests.Where(r => r.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))))
        {
            Assert.True(validated.Contains(command), $"{command.FullName} has no validator");
        }
    }

    [Fact]
    public void Every_request_is_a_command_or_a_query_except_sign_in()
    {
        Type[] signIns = [typeof(Workspace.Server.Features.Auth.Login.Command), typeof(Workspace.Server.Features.Auth.SignInWithProvider.Command)];
        foreach (var request in Requests.Where(r => !signIns.Contains(r)))
        {
            var kinds = request.GetInterfaces().Count(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>)));
            Assert.True(kinds == 1, $"{request.FullName} is neither a command nor a query");
        }
    }

    [Fact]
    public void The_domain_knows_nothing_of_the_web_the_database_or_the_jobs()
    {
        var result = Types.InAssembly(Server).That().ResideInNamespace("Workspace.Server.Domain")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Hangfire", "MediatR", "FluentValidation")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// No two top folders depend on each other, directly or round a longer loop: each part can be read, changed and
    /// tested knowing only the parts below it.
    /// </summary>
    [Fact]
    public void The_top_folders_form_no_cycle()
    {
        string[] parts = ["Auth", "Components", "Data", "Domain", "Features", "Http", "Jobs", "Live", "Locale", "Mail", "Pipeline", "Word"];
        // Who depends on each folder, in one pass over the assembly per folder.
        var types = Types.InAssembly(Server);
        string? PartOf(Type t) => parts.FirstOrDefault(p => (t.Namespace ?? "").Equals("Workspace.Server." + p, StringComparison.Ordinal) || (t.Namespace ?? "").StartsWith("Workspace.Server." + p + ".", StringComparison.Ordinal));
        var usedBy = parts.ToDictionary(q => q, q => types.That().HaveDependencyOn("Workspace.Server." + q).GetTypes().Select(PartOf).OfType<string>().ToHashSet(StringComparer.Ordinal));
        var uses = parts.ToDictionary(p => p, p => parts.Where(q => q != p && usedBy[q].Contains(p)).ToList());
        var cycles = new List<string>();
        foreach (var start in parts)
        {
            // Every path back to the start, found from its first member in the order above, so each loop is named once.
            var stack = new Stack<List<string>>([[start]]);
            while (stack.TryPop(out var path))
            {
                foreach (var next in uses[path[^1]])
                {
                    if (next == start)
                    {
                        cycles.Add(string.Join(" → ", path.Append(start)));
                    }
                    else if (!path.Contains(next) && Array.IndexOf(parts, next) > Array.IndexOf(parts, start))
                    {
                        stack.Push([.. path, next]);
                    }
                }
            }
        }

        Assert.True(cycles.Count == 0, "Top folders in a cycle:\n" + string.Join("\n", cycles));
    }

    /// <summary>
    /// Arrows the design forbids: the domain knows no other part; the areas know neither the live side nor the jobs
    /// (they raise events and end sessions; what follows is not theirs to call); the generic infrastructure knows no
    /// area and no page (the hub's Resume and /api/events are one request of the live side; the jobs run the areas'
    /// timed work by its name; the shell's header shows the parts the areas register). The areas' pages build on the
    /// components' kit (layout, parts, the page's sender and feed), which knows no area.
    /// </summary>
    [Theory]
    [InlineData("Domain", "Auth", "Components", "Data", "Features", "Http", "Jobs", "Live", "Locale", "Mail", "Pipeline", "Word")]
    [InlineData("Features", "Live", "Jobs")]
    [InlineData("Components", "Features", "Jobs", "Mail", "Pipeline")]
    [InlineData("Locale", "Auth", "Components", "Data", "Features", "Http", "Jobs", "Live", "Mail", "Pipeline", "Word")]
    [InlineData("Pipeline", "Live", "Features", "Components", "Jobs", "Mail", "Http")]
    [InlineData("Data", "Live", "Components", "Jobs", "Features", "Mail", "Auth", "Pipeline", "Http")]
    [InlineData("Live", "Components", "Jobs", "Mail")]
    [InlineData("Http", "Features", "Components", "Live", "Jobs", "Mail")]
    [InlineData("Mail", "Live", "Jobs", "Features", "Components")]
    [InlineData("Auth", "Live", "Components", "Jobs", "Mail", "Features", "Pipeline", "Http")]
    [InlineData("Jobs", "Features", "Components", "Live", "Mail", "Pipeline", "Auth")]
    [InlineData("Word", "Auth", "Components", "Data", "Features", "Http", "Jobs", "Live", "Mail", "Pipeline")]
    public void A_part_does_not_reach_into_the_parts_it_must_not_know(string part, params string[] forbidden)
    {
        var result = Types.InAssembly(Server).That().ResideInNamespace("Workspace.Server." + part)
            .ShouldNot().HaveDependencyOnAny([.. forbidden.Select(f => "Workspace.Server." + f)])
            .GetResult();
        Assert.True(result.IsSuccessful, $"{part} reaches into {string.Join(", ", forbidden)}: " + string.Join(", ", result.FailingTypeNames ?? []));

        // The compiled types do not show every reference made inside a lambda: the sources are read too, for a
        // using of a forbidden part or a name qualified by it (Features.Auth.SignInWithProvider).
        var names = string.Join('|', forbidden);
        var reference = new System.Text.RegularExpressions.Regex($@"using Workspace\.Server\.({names})\b|Workspace\.Server\.({names})\.|(?<![\w.])({names})\.[A-Z]\w*\.[A-Z]");
        var folder = Path.Combine(Workspace.Tests.Infrastructure.Repository.Root, "src", "Workspace.Server", part);
        var found = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && reference.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line} {l.Text}").ToList();
        Assert.True(found.Count == 0, $"{part} reaches into {string.Join(", ", forbidden)}:\n" + string.Join("\n", found));
    }

    [Fact]
    public void A_typed_events_name_is_written_once_in_its_declaration_and_read_through_its_type()
    {
        var typed = Server.GetTypes().Where(t => !t.IsAbstract && typeof(Workspace.Server.Domain.IEventData).IsAssignableFrom(t)).ToList();
        Assert.True(typed.Count >= 7, string.Join(", ", typed.Select(t => t.Name)));
        var sources = Directory.EnumerateFiles(Path.Combine(Workspace.Tests.Infrastructure.Repository.Root, "src", "Workspace.Server"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllText);
        var untyped = sources.Where(s => s.Value.Contains("new DomainEvent(\"", StringComparison.Ordinal)).Select(s => Path.GetFileName(s.Key)).ToList();
        Assert.True(untyped.Count == 0, "Events raised by name, not as their record, in: " + string.Join(", ", untyped));
        foreach (var type in typed)
        {
            var name = (string)type.GetProperty("Type", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
            var writtenIn = sources.Where(s => s.Value.Contains($"\"{name}\"", StringComparison.Ordinal)).Select(s => Path.GetFileName(s.Key)).ToList();
            Assert.True(writtenIn.Count == 1, $"{name} ({type.Name}) is written in {string.Join(", ", writtenIn)}");
        }
    }

    [Fact]
    public void There_is_no_repository_layer()
    {
        // Handlers use the DbContext directly (ARCHITECTURE.md, decision 1).
        var repositories = Types.InAssembly(Server).That().HaveNameEndingWith("Repository").GetTypes();
        Assert.Empty(repositories);
    }
}
