using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace Workspace.Server.Pipeline;

/// <summary>Marks a text field of a request that may hold several lines (a body, a comment): it keeps tab, CR and LF.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>
/// One rule for every text a request carries, whatever its use case: no control character (C0, DEL, C1),
/// no unpaired surrogate, no Unicode non-character; single-line fields (all but those marked
/// <see cref="MultiLineAttribute"/>) no line break or tab either. Such text breaks the formats it is later
/// written to (iCalendar lines, XML, headers) and is never what a person meant.
/// Registered as an open-generic validator, so every request is checked without a line in its own validator.
/// </summary>
internal sealed class TextValidator<TRequest> : IValidator<TRequest>
{
    private static readonly ConcurrentDictionary<Type, TextField[]> Fields = new();

    public static IEnumerable<ValidationFailure> Check(object request)
    {
        foreach (var field in Fields.GetOrAdd(request.GetType(), Describe))
        {
            switch (field.Property.GetValue(request))
            {
                case string text when Problem(text, field.MultiLine) is { } problem:
                    yield return new ValidationFailure(field.Property.Name, problem);
                    break;
                case IEnumerable<string?> texts:
                    var index = 0;
                    foreach (var text in texts)
                    {
                        if (text is not null && Problem(text, field.MultiLine) is { } itemProblem)
                        {
                            yield return new ValidationFailure($"{field.Property.Name}[{index}]", itemProblem);
                        }

                        index++;
                    }

                    break;
            }
        }
    }

    /// <summary>Why <paramref name="text"/> is refused, or null.</summary>
    public static string? Problem(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "The text is not valid Unicode (an unpaired surrogate).";
            }

            if (c is '\n' or '\r' or '\t')
            {
                if (!multiLine)
                {
                    return "A single line: no line breaks or tabs.";
                }

                continue;
            }

            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF'))
            {
                return $"Control characters are not allowed (U+{(int)c:X4}).";
            }
        }

        return null;
    }

    public ValidationResult Validate(TRequest instance) => new(Check(instance!));

    public Task<ValidationResult> ValidateAsync(TRequest instance, CancellationToken cancellation = default) => Task.FromResult(Validate(instance));

    public ValidationResult Validate(IValidationContext context) => new(Check(context.InstanceToValidate));

    public Task<ValidationResult> ValidateAsync(IValidationContext context, CancellationToken cancellation = default) => Task.FromResult(Validate(context));

    public IValidatorDescriptor CreateDescriptor() => new ValidatorDescriptor<TRequest>([]);

    public bool CanValidateInstancesOfType(Type type) => typeof(TRequest).IsAssignableFrom(type);

    private static TextField[] Describe(Type type)
    {
        // Positional records put attributes on the constructor parameter unless told otherwise: read both.
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters())
            .Where(p => p.GetCustomAttribute<MultiLineAttribute>() is not null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
            .Select(p => new TextField(p, p.GetCustomAttribute<MultiLineAttribute>() is not null || parameters.Contains(p.Name)))];
    }

    private sealed record TextField(PropertyInfo Property, bool MultiLine);
}
