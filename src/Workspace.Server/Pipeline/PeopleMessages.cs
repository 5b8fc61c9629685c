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
    /// <summary>
    /// Names of fields as people say them, in the six languages in the order of <see cref="Locale.Languages.Offered"/>: in
    /// English with their article, in the others bare (the message quotes them).
    /// </summary>
    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["Title"] = ["the title", "titre", "título", "заголовок", "标题", "العنوان"],
        ["Summary"] = ["the summary", "résumé", "resumen", "краткое содержание", "摘要", "الملخص"],
        ["Body"] = ["the text", "texte", "texto", "текст", "文本", "النص"],
        ["Text"] = ["the text", "texte", "texto", "текст", "文本", "النص"],
        ["Comment"] = ["the comment", "commentaire", "comentario", "комментарий", "评论", "التعليق"],
        ["Reason"] = ["the reason", "motif", "motivo", "причина", "理由", "السبب"],
        ["Name"] = ["the name", "nom", "nombre", "имя", "名称", "الاسم"],
        ["DisplayName"] = ["the name", "nom", "nombre", "имя", "名称", "الاسم"],
        ["Email"] = ["the e-mail address", "adresse électronique", "dirección de correo electrónico", "адрес электронной почты", "电子邮件地址", "عنوان البريد الإلكتروني"],
        ["Emails"] = ["the e-mail addresses", "adresses électroniques", "direcciones de correo electrónico", "адреса электронной почты", "电子邮件地址", "عناوين البريد الإلكتروني"],
        ["Password"] = ["the password", "mot de passe", "contraseña", "пароль", "密码", "كلمة المرور"],
        ["CurrentPassword"] = ["your current password", "mot de passe actuel", "contraseña actual", "текущий пароль", "当前密码", "كلمة المرور الحالية"],
        ["NewPassword"] = ["the new password", "nouveau mot de passe", "nueva contraseña", "новый пароль", "新密码", "كلمة المرور الجديدة"],
        ["Venue"] = ["the venue", "lieu", "lugar", "место", "地点", "المكان"],
        ["OnlineUrl"] = ["the online meeting link", "lien de la réunion en ligne", "enlace de la reunión en línea", "ссылка на онлайн-встречу", "在线会议链接", "رابط الاجتماع عبر الإنترنت"],
        ["TimeZone"] = ["the time zone", "fuseau horaire", "huso horario", "часовой пояс", "时区", "المنطقة الزمنية"],
        ["DurationMinutes"] = ["the duration", "durée", "duración", "продолжительность", "时长", "المدة"],
        ["StartsAt"] = ["the start", "début", "inicio", "начало", "开始时间", "البداية"],
        ["Deadline"] = ["the deadline", "échéance", "plazo", "срок", "截止时间", "الموعد النهائي"],
        ["DueDate"] = ["the due date", "échéance", "fecha límite", "срок выполнения", "到期日", "تاريخ الاستحقاق"],
        ["From"] = ["the first day", "premier jour", "primer día", "первый день", "第一天", "اليوم الأول"],
        ["To"] = ["the last day", "dernier jour", "último día", "последний день", "最后一天", "اليوم الأخير"],
        ["Kind"] = ["the kind", "type", "tipo", "тип", "类型", "النوع"],
        ["PaperKind"] = ["the kind of paper", "type de document", "tipo de documento", "тип документа", "文件类型", "نوع الورقة"],
        ["Procedure"] = ["the procedure", "procédure", "procedimiento", "процедура", "程序", "الإجراء"],
        ["Decision"] = ["the decision", "décision", "decisión", "решение", "决定", "القرار"],
        ["Revision"] = ["the revision", "révision", "revisión", "редакция", "版本", "المراجعة"],
        ["BaseRevision"] = ["the revision the text was written on", "révision de départ", "revisión de partida", "исходная редакция", "起始版本", "المراجعة الأساس"],
        ["AgencyCode"] = ["the agency", "organisation", "organismo", "организация", "机构", "الوكالة"],
        ["AgencyCodes"] = ["the agencies", "organisations", "organismos", "организации", "机构", "الوكالات"],
        ["LeadAgencyCode"] = ["the lead agency", "organisation chef de file", "organismo principal", "ведущая организация", "牵头机构", "الوكالة الرائدة"],
        ["ParticipatingAgencyCodes"] = ["the participating agencies", "organisations participantes", "organismos participantes", "участвующие организации", "参与机构", "الوكالات المشاركة"],
        ["InvitedAgencyCodes"] = ["the invited agencies", "organisations invitées", "organismos invitados", "приглашённые организации", "受邀机构", "الوكالات المدعوة"],
        ["MemberAgencyCodes"] = ["the member agencies", "organisations membres", "organismos miembros", "организации-члены", "成员机构", "الوكالات الأعضاء"],
        ["OwnerAgencyCode"] = ["the agency that owns it", "organisation responsable", "organismo responsable", "ответственная организация", "负责机构", "الوكالة المسؤولة"],
        ["PresenterAgencyCode"] = ["the presenting agency", "organisation qui présente", "organismo que presenta", "представляющая организация", "介绍机构", "الوكالة المقدِّمة"],
        ["Agenda"] = ["the agenda", "ordre du jour", "orden del día", "повестка дня", "议程", "جدول الأعمال"],
        ["Tags"] = ["the tags", "mots-clés", "etiquetas", "метки", "标签", "الوسوم"],
        ["Themes"] = ["the themes", "thèmes", "temas", "темы", "主题", "المواضيع"],
        ["Regions"] = ["the regions", "régions", "regiones", "регионы", "区域", "المناطق"],
        ["ThematicPriorities"] = ["the thematic priorities", "priorités thématiques", "prioridades temáticas", "тематические приоритеты", "专题优先事项", "الأولويات المواضيعية"],
        ["KeyActivities"] = ["the key activities", "activités principales", "actividades principales", "основные мероприятия", "主要活动", "الأنشطة الرئيسية"],
        ["Mandate"] = ["the mandate", "mandat", "mandato", "мандат", "任务授权", "الولاية"],
        ["Website"] = ["the website", "site web", "sitio web", "веб-сайт", "网站", "الموقع الإلكتروني"],
        ["Url"] = ["the link", "lien", "enlace", "ссылка", "链接", "الرابط"],
        ["ResourcesUrl"] = ["the link to resources", "lien vers les ressources", "enlace a los recursos", "ссылка на ресурсы", "资源链接", "رابط الموارد"],
        ["Organization"] = ["the organization", "organisation", "organización", "организация", "组织", "المنظمة"],
        ["Section"] = ["the section", "section", "sección", "раздел", "章节", "القسم"],
        ["Slots"] = ["the proposed times", "horaires proposés", "horarios propuestos", "предложенное время", "拟议时间", "الأوقات المقترحة"],
        ["Steps"] = ["the steps", "étapes", "etapas", "этапы", "步骤", "الخطوات"],
        ["Step"] = ["the step", "étape", "etapa", "этап", "步骤", "الخطوة"],
        ["Signers"] = ["who signs", "signataires", "firmantes", "подписанты", "签署方", "الموقّعون"],
        ["MinimumNotice"] = ["the minimum notice", "préavis minimal", "preaviso mínimo", "минимальный срок уведомления", "最短通知期", "الحد الأدنى للإشعار"],
        ["Language"] = ["the language", "langue", "idioma", "язык", "语文", "اللغة"],
        ["Response"] = ["the answer", "réponse", "respuesta", "ответ", "答复", "الرد"],
        ["Year"] = ["the year", "année", "año", "год", "年份", "السنة"],
        ["Code"] = ["the code", "code", "código", "код", "代码", "الرمز"],
        ["Role"] = ["the role", "rôle", "función", "роль", "角色", "الدور"],
        ["Status"] = ["the status", "statut", "estado", "статус", "状态", "الحالة"],
        ["Subject"] = ["the subject", "objet", "asunto", "тема", "主题", "الموضوع"],
        ["OnBehalfOf"] = ["whom you act for", "personne représentée", "persona representada", "представляемое лицо", "被代理人", "الشخص الممثَّل"],
    };

    private static readonly string[] Values = ["the value", "valeur", "valor", "значение", "值", "القيمة"];

    /// <summary>A field as the reader's language names it; a field of no known name, by its words.</summary>
    public static string FieldName(string? member)
    {
        var position = Domain.Papers.OfficialLanguages.Position(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var language = position < Domain.Papers.OfficialLanguages.Codes.Count ? position : 0;
        if (member is null)
        {
            return Values[language];
        }

        if (Fields.TryGetValue(member, out var names))
        {
            return names[language];
        }

        var words = string.Concat(member.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        return language == 0 ? "the " + words : words;
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

            // Spanish, Russian, Chinese and Arabic, the field quoted in each language's marks.
            var others = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["NotEmptyValidator"] = ["Indique un valor para «{PropertyName}».", "Укажите значение: «{PropertyName}».", "请填写“{PropertyName}”。", "أدخل قيمة لـ «{PropertyName}»."],
                ["NotNullValidator"] = ["Indique un valor para «{PropertyName}».", "Укажите значение: «{PropertyName}».", "请填写“{PropertyName}”。", "أدخل قيمة لـ «{PropertyName}»."],
                ["MaximumLengthValidator"] = ["«{PropertyName}» tiene como máximo {MaxLength} caracteres (tiene {TotalLength}).", "«{PropertyName}»: не более {MaxLength} символов (сейчас {TotalLength}).", "“{PropertyName}”最多 {MaxLength} 个字符（现有 {TotalLength} 个）。", "«{PropertyName}»: {MaxLength} حرفاً على الأكثر (الموجود {TotalLength})."],
                ["MinimumLengthValidator"] = ["«{PropertyName}» tiene al menos {MinLength} caracteres (tiene {TotalLength}).", "«{PropertyName}»: не менее {MinLength} символов (сейчас {TotalLength}).", "“{PropertyName}”至少 {MinLength} 个字符（现有 {TotalLength} 个）。", "«{PropertyName}»: {MinLength} حرفاً على الأقل (الموجود {TotalLength})."],
                ["LengthValidator"] = ["«{PropertyName}» tiene de {MinLength} a {MaxLength} caracteres (tiene {TotalLength}).", "«{PropertyName}»: от {MinLength} до {MaxLength} символов (сейчас {TotalLength}).", "“{PropertyName}”应为 {MinLength} 至 {MaxLength} 个字符（现有 {TotalLength} 个）。", "«{PropertyName}»: من {MinLength} إلى {MaxLength} حرفاً (الموجود {TotalLength})."],
                ["ExactLengthValidator"] = ["«{PropertyName}» tiene exactamente {MaxLength} caracteres (tiene {TotalLength}).", "«{PropertyName}»: ровно {MaxLength} символов (сейчас {TotalLength}).", "“{PropertyName}”应恰为 {MaxLength} 个字符（现有 {TotalLength} 个）。", "«{PropertyName}»: {MaxLength} حرفاً بالضبط (الموجود {TotalLength})."],
                ["InclusiveBetweenValidator"] = ["«{PropertyName}» va de {From} a {To}.", "«{PropertyName}»: от {From} до {To}.", "“{PropertyName}”应在 {From} 至 {To} 之间。", "«{PropertyName}»: من {From} إلى {To}."],
                ["ExclusiveBetweenValidator"] = ["«{PropertyName}» está estrictamente entre {From} y {To}.", "«{PropertyName}»: строго между {From} и {To}.", "“{PropertyName}”应大于 {From} 且小于 {To}。", "«{PropertyName}»: بين {From} و{To} حصراً."],
                ["GreaterThanValidator"] = ["«{PropertyName}» debe superar {ComparisonValue}.", "«{PropertyName}»: больше {ComparisonValue}.", "“{PropertyName}”应大于 {ComparisonValue}。", "«{PropertyName}»: أكبر من {ComparisonValue}."],
                ["GreaterThanOrEqualValidator"] = ["«{PropertyName}» vale al menos {ComparisonValue}.", "«{PropertyName}»: не меньше {ComparisonValue}.", "“{PropertyName}”至少为 {ComparisonValue}。", "«{PropertyName}»: {ComparisonValue} على الأقل."],
                ["LessThanValidator"] = ["«{PropertyName}» debe quedar por debajo de {ComparisonValue}.", "«{PropertyName}»: меньше {ComparisonValue}.", "“{PropertyName}”应小于 {ComparisonValue}。", "«{PropertyName}»: أقل من {ComparisonValue}."],
                ["LessThanOrEqualValidator"] = ["«{PropertyName}» vale como máximo {ComparisonValue}.", "«{PropertyName}»: не больше {ComparisonValue}.", "“{PropertyName}”至多为 {ComparisonValue}。", "«{PropertyName}»: {ComparisonValue} على الأكثر."],
                ["EmailValidator"] = ["Indique «{PropertyName}» en la forma nombre@organismo.org.", "Укажите «{PropertyName}» в виде имя@организация.org.", "请按 name@agency.org 的格式填写“{PropertyName}”。", "أدخل «{PropertyName}» بالصيغة name@agency.org."],
                ["EnumValidator"] = ["Elija «{PropertyName}» en la lista.", "Выберите «{PropertyName}» из списка.", "请从列表中选择“{PropertyName}”。", "اختر «{PropertyName}» من القائمة."],
                ["PredicateValidator"] = ["Compruebe «{PropertyName}».", "Проверьте «{PropertyName}».", "请检查“{PropertyName}”。", "تحقق من «{PropertyName}»."],
                ["AsyncPredicateValidator"] = ["Compruebe «{PropertyName}».", "Проверьте «{PropertyName}».", "请检查“{PropertyName}”。", "تحقق من «{PropertyName}»."],
            };
            foreach (var (key, translations) in others)
            {
                for (var i = 0; i < translations.Length; i++)
                {
                    ours[(Domain.Papers.OfficialLanguages.Codes[i + 2], key)] = translations[i];
                }
            }
        }

        private readonly Dictionary<(string Language, string Key), string> ours = [];

        /// <summary>Ours for every culture of the six languages (the library has its own for en-GB, fr-CA…); the library's for any other.</summary>
        public override string GetString(string key, CultureInfo? culture = null) =>
            ours.TryGetValue(((culture ?? Culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName, key), out var message)
                ? message : base.GetString(key, culture);
    }
}
