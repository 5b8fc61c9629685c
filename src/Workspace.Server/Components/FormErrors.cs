using System.Text.Json;
using Workspace.Server.Auth;

namespace Workspace.Server.Components;

/// <summary>
/// What was wrong with a form's answer, field by field, from the same refusals the API turns into problem
/// details: the validator's field errors, a broken rule, a refusal of access (UI.md §6).
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> items = [];

    public bool Any => items.Count > 0;

    public IReadOnlyList<(string Field, string Message)> All => items;

    /// <summary>The broken rule's code, when a rule refused the request (<c>stale-revision</c>).</summary>
    public string? RuleCode { get; private set; }

    public RuleBrokenException? Rule { get; private set; }

    public string? For(string field) => items.Where(i => i.Field == field).Select(i => i.Message).FirstOrDefault();

    public void Add(string field, string message) => items.Add((field, message));

    public void Clear()
    {
        items.Clear();
        RuleCode = null;
        Rule = null;
    }

    /// <summary>Runs a request; a refusal becomes errors, shown against <paramref name="field"/> unless the validator named one.</summary>
    public async Task<bool> TryAsync(Func<Task> action, string field, IReadOnlyDictionary<string, string>? renames = null)
    {
        Clear();
        try
        {
            await action();
            return true;
        }
        catch (ValidationException v)
        {
            foreach (var failure in v.Errors)
            {
                var id = FieldId(failure.PropertyName, field);
                Add(renames?.GetValueOrDefault(id) ?? id, failure.ErrorMessage);
            }
        }
        catch (RuleBrokenException r)
        {
            RuleCode = r.Code;
            Rule = r;
            Add(field, r.Message);
        }
        catch (ForbiddenException f)
        {
            Add(field, f.Message);
        }
        catch (NotPermittedException f)
        {
            Add(field, f.Message);
        }

        return false;
    }

    /// <summary>"Comment" → "comment"; a name the form has no field for goes to the form's own field.</summary>
    private static string FieldId(string propertyName, string fallback) =>
        string.IsNullOrEmpty(propertyName) ? fallback : JsonNamingPolicy.CamelCase.ConvertName(propertyName.Split('.')[^1].Split('[')[0]);
}
