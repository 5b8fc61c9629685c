using System.Globalization;
using FluentValidation.Resources;

namespace Workspace.Server.Pipeline;

/// <summary>
/// The validators' own messages, written for people in the languages of the pages: a field is named as people name it
/// ("the presenting agency", never "Presenter Agency Code"), and each message says what to do ("Enter the title.").
/// A rule's own message (<c>WithMessage</c>) stays as it is written.
/// </summary>
public static class PeopleMessages
{
    /// <summary>Names of fields as people say them: in English with their article, in French bare (the message quotes them).</summary>
    private static readonly Dictionary<string, (string English, string French)> Fields = new(StringComparer.Ordinal)
    {
        ["Title"] = ("the title", "titre"),
        ["Summary"] = ("the summary", "résumé"),
        ["Body"] = ("the text", "texte"),
        ["Text"] = ("the text", "texte"),
        ["Comment"] = ("the comment", "commentaire"),
        ["Reason"] = ("the reason", "motif"),
        ["Name"] = ("the name", "nom"),
        ["DisplayName"] = ("the name", "nom"),
        ["Email"] = ("the e-mail address", "adresse électronique"),
        ["Emails"] = ("the e-mail addresses", "adresses électroniques"),
        ["Password"] = ("the password", "mot de passe"),
        ["CurrentPassword"] = ("your current password", "mot de passe actuel"),
        ["NewPassword"] = ("the new password", "nouveau mot de passe"),
        ["Venue"] = ("the venue", "lieu"),
        ["OnlineUrl"] = ("the online meeting link", "lien de la réunion en ligne"),
        ["TimeZone"] = ("the time zone", "fuseau horaire"),
        ["DurationMinutes"] = ("the duration", "durée"),
        ["StartsAt"] = ("the start", "début"),
        ["Deadline"] = ("the deadline", "échéance"),
        ["DueDate"] = ("the due date", "échéance"),
        ["From"] = ("the first day", "premier jour"),
        ["To"] = ("the last day", "dernier jour"),
        ["Kind"] = ("the kind", "type"),
        ["PaperKind"] = ("the kind of paper", "type de document"),
        ["Procedure"] = ("the procedure", "procédure"),
        ["Decision"] = ("the decision", "décision"),
        ["Revision"] = ("the revision", "révision"),
        ["BaseRevision"] = ("the revision the text was written on", "révision de départ"),
        ["AgencyCode"] = ("the agency", "organisation"),
        ["AgencyCodes"] = ("the agencies", "organisations"),
        ["LeadAgencyCode"] = ("the lead agency", "organisation chef de file"),
        ["ParticipatingAgencyCodes"] = ("the participating agencies", "organisations participantes"),
        ["InvitedAgencyCodes"] = ("the invited agencies", "organisations invitées"),
        ["MemberAgencyCodes"] = ("the member agencies", "organisations membres"),
        ["OwnerAgencyCode"] = ("the agency that owns it", "organisation responsable"),
        ["PresenterAgencyCode"] = ("the presenting agency", "organisation qui présente"),
        ["Agenda"] = ("the agenda", "ordre du jour"),
        ["Tags"] = ("the tags", "mots-clés"),
        ["Themes"] = ("the themes", "thèmes"),
        ["Regions"] = ("the regions", "régions"),
        ["ThematicPriorities"] = ("the thematic priorities", "priorités thématiques"),
        ["KeyActivities"] = ("the key activities", "activités principales"),
        ["Mandate"] = ("the mandate", "mandat"),
        ["Website"] = ("the website", "site web"),
        ["Url"] = ("the link", "lien"),
        ["ResourcesUrl"] = ("the link to resources", "lien vers les ressources"),
        ["Organization"] = ("the organization", "organisation"),
        ["Section"] = ("the section", "section"),
        ["Slots"] = ("the proposed times", "horaires proposés"),
        ["Steps"] = ("the steps", "étapes"),
        ["Step"] = ("the step", "étape"),
        ["Signers"] = ("who signs", "signataires"),
        ["MinimumNotice"] = ("the minimum notice", "préavis minimal"),
        ["Language"] = ("the language", "langue"),
        ["Response"] = ("the answer", "réponse"),
        ["Year"] = ("the year", "année"),
        ["Code"] = ("the code", "code"),
        ["Role"] = ("the role", "rôle"),
        ["Status"] = ("the status", "statut"),
        ["Subject"] = ("the subject", "objet"),
        ["OnBehalfOf"] = ("whom you act for", "personne représentée"),
    };

    /// <summary>A field as the reader's language names it; a field of no known name, by its words.</summary>
    public static string FieldName(string? member)
    {
        if (member is null)
        {
            return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "valeur" : "the value";
        }

        var french = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";
        if (Fields.TryGetValue(member, out var name))
        {
            return french ? name.French : name.English;
        }

        var words = string.Concat(member.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        return french ? words : "the " + words;
    }

    /// <summary>Takes the place of the validators' default messages and names, for every validator of the application.</summary>
    public static void Apply()
    {
        FluentValidation.ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => FieldName(member?.Name);
        FluentValidation.ValidatorOptions.Global.LanguageManager = new Messages();
    }

    private sealed class Messages : LanguageManager
    {
        public Messages()
        {
            const string q = "«\u00a0{PropertyName}\u00a0»";
            (string Key, string English, string French)[] messages =
            [
                ("NotEmptyValidator", "Enter {PropertyName}.", $"Indiquez une valeur pour {q}."),
                ("NotNullValidator", "Enter {PropertyName}.", $"Indiquez une valeur pour {q}."),
                ("MaximumLengthValidator", "Keep {PropertyName} to {MaxLength} characters or fewer (it has {TotalLength}).", $"{q} compte au plus {{MaxLength}} caractères (il y en a {{TotalLength}})."),
                ("MinimumLengthValidator", "Give {PropertyName} at least {MinLength} characters (it has {TotalLength}).", $"{q} compte au moins {{MinLength}} caractères (il y en a {{TotalLength}})."),
                ("LengthValidator", "Keep {PropertyName} between {MinLength} and {MaxLength} characters (it has {TotalLength}).", $"{q} compte de {{MinLength}} à {{MaxLength}} caractères (il y en a {{TotalLength}})."),
                ("ExactLengthValidator", "Give {PropertyName} exactly {MaxLength} characters (it has {TotalLength}).", $"{q} compte exactement {{MaxLength}} caractères (il y en a {{TotalLength}})."),
                ("InclusiveBetweenValidator", "Give {PropertyName} a value from {From} to {To}.", $"{q} va de {{From}} à {{To}}."),
                ("ExclusiveBetweenValidator", "Give {PropertyName} a value between {From} and {To}.", $"{q} est strictement entre {{From}} et {{To}}."),
                ("GreaterThanValidator", "Give {PropertyName} a value over {ComparisonValue}.", $"{q} doit dépasser {{ComparisonValue}}."),
                ("GreaterThanOrEqualValidator", "Give {PropertyName} a value of {ComparisonValue} or more.", $"{q} vaut au moins {{ComparisonValue}}."),
                ("LessThanValidator", "Give {PropertyName} a value under {ComparisonValue}.", $"{q} doit rester sous {{ComparisonValue}}."),
                ("LessThanOrEqualValidator", "Give {PropertyName} a value of {ComparisonValue} or less.", $"{q} vaut au plus {{ComparisonValue}}."),
                ("EmailValidator", "Enter {PropertyName} in the form name@agency.org.", $"Indiquez {q} sous la forme nom@organisation.org."),
                ("EnumValidator", "Choose {PropertyName} from the list.", $"Choisissez {q} dans la liste."),
                ("PredicateValidator", "Check {PropertyName}.", $"Vérifiez {q}."),
                ("AsyncPredicateValidator", "Check {PropertyName}.", $"Vérifiez {q}."),
            ];
            foreach (var (key, english, french) in messages)
            {
                ours[("en", key)] = english;
                ours[("fr", key)] = french;
            }
        }

        private readonly Dictionary<(string Language, string Key), string> ours = [];

        /// <summary>Ours for every English and French culture (the library has its own for en-GB, fr-CA…); the library's for the rest.</summary>
        public override string GetString(string key, CultureInfo? culture = null) =>
            ours.TryGetValue(((culture ?? Culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName, key), out var message)
                ? message : base.GetString(key, culture);
    }
}
