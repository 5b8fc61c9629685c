using System.Globalization;
using FluentValidation;
using Workspace.Server.Pipeline;

namespace Workspace.Tests.Locale;

/// <summary>A refusal names a field as people do and says what to do, in the page's language.</summary>
public sealed class PeopleMessagesTests
{
    public sealed record AgendaItem(string? Title, string? PresenterAgencyCode, int DurationMinutes, string? Email);

    private sealed class Rules : AbstractValidator<AgendaItem>
    {
        public Rules()
        {
            RuleFor(i => i.Title).NotEmpty();
            RuleFor(i => i.PresenterAgencyCode).MaximumLength(16);
            RuleFor(i => i.DurationMinutes).InclusiveBetween(5, 600);
            RuleFor(i => i.Email).EmailAddress();
        }
    }

    private static IReadOnlyList<string> Refusals(string culture)
    {
        PeopleMessages.Apply();
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return [.. new Rules().Validate(new AgendaItem("", "International Organization for Migration", 2, "nobody")).Errors.Select(e => e.ErrorMessage)];
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Fact]
    public void In_english_a_refusal_names_the_field_as_people_do_and_says_what_to_do() =>
        Assert.Equal(
            [
                "Enter the title.",
                "Keep the presenting agency to 16 characters or fewer (it has 40).",
                "Give the duration a value from 5 to 600.",
                "Enter the e-mail address in the form name@agency.org.",
            ],
            Refusals("en-GB"));

    [Fact]
    public void In_french_a_refusal_is_french_with_the_fields_french_name() =>
        Assert.Equal(
            [
                "Indiquez une valeur pour «\u00a0titre\u00a0».",
                "«\u00a0organisation qui présente\u00a0» compte au plus 16 caractères (il y en a 40).",
                "«\u00a0durée\u00a0» va de 5 à 600.",
                "Indiquez «\u00a0adresse électronique\u00a0» sous la forme nom@organisation.org.",
            ],
            Refusals("fr-FR"));

    [Fact]
    public void A_field_of_no_known_name_is_named_by_its_words_never_by_its_code() =>
        Assert.Equal("the working group id", PeopleMessages.FieldName("WorkingGroupId"));
}
