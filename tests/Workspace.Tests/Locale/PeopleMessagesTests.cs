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

    [Theory]
    [InlineData("es-ES", "Indique un valor para «título».", "«organismo que presenta» tiene como máximo 16 caracteres (tiene 40).", "«duración» va de 5 a 600.")]
    [InlineData("ru-RU", "Укажите значение: «заголовок».", "«представляющая организация»: не более 16 символов (сейчас 40).", "«продолжительность»: от 5 до 600.")]
    [InlineData("zh-CN", "请填写“标题”。", "“介绍机构”最多 16 个字符（现有 40 个）。", "“时长”应在 5 至 600 之间。")]
    [InlineData("ar-EG", "أدخل قيمة لـ «العنوان».", "«الوكالة المقدِّمة»: 16 حرفاً على الأكثر (الموجود 40).", "«المدة»: من 5 إلى 600.")]
    public void In_spanish_russian_chinese_and_arabic_a_refusal_is_in_the_language_with_the_fields_name_in_it(string culture, string empty, string tooLong, string range)
    {
        var refusals = Refusals(culture);
        Assert.Equal([empty, tooLong, range], refusals.Take(3));
        // No English field name is left inside the sentence.
        Assert.DoesNotContain(refusals, r => r.Contains("title", StringComparison.OrdinalIgnoreCase) || r.Contains("agency", StringComparison.Ordinal) && !r.Contains('@'));
    }

    [Fact]
    public void A_field_of_no_known_name_is_named_by_its_words_never_by_its_code() =>
        Assert.Equal("the working group id", PeopleMessages.FieldName("WorkingGroupId"));
}
