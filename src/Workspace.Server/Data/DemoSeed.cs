using Microsoft.AspNetCore.Identity;
using Workspace.Server.Domain.Meetings;
using Workspace.Server.Domain.Papers;

namespace Workspace.Server.Data;

/// <summary>
/// An ICAT-like group: member organizations with their real names and codes, UNODC as secretariat, a
/// co-chair term covering this year, the Working Group, and a sign-in per agency. Written through the
/// domain, so the event log tells the same story as the tables.
/// </summary>
internal sealed class DemoSeed(WorkspaceDb db, UserManager<Person> users, IPasswordHasher<Person> hasher, TimeProvider clock, IOptions<GroupOptions> group)
{
    public const string SecretariatEmail = "secretariat@unodc.demo";

    public static string FocalPointEmail(string agencyCode) => $"focal@{agencyCode.ToLowerInvariant()}.demo";

    public static readonly IReadOnlyList<(string Code, string Name, string Mandate, string[] Priorities, string[] Regions)> Members =
    [
        ("UNODC", "United Nations Office on Drugs and Crime", "Guardian of the UN Convention against Transnational Organized Crime and its Trafficking in Persons Protocol; coordinator and secretariat of the group.", ["Prosecution", "Protection", "Partnerships"], ["Global"]),
        ("ILO", "International Labour Organization", "Sets international labour standards and works against forced labour, child labour and labour exploitation.", ["Forced labour", "Labour migration", "Procurement"], ["Global"]),
        ("IOM", "International Organization for Migration", "The UN migration agency: protection of and assistance to victims of trafficking among migrants.", ["Protection", "Labour migration"], ["Global"]),
        ("OHCHR", "Office of the United Nations High Commissioner for Human Rights", "Promotes a human rights-based approach to trafficking in persons.", ["Protection", "Prosecution"], ["Global"]),
        ("UNHCR", "Office of the United Nations High Commissioner for Refugees", "Protects refugees, asylum-seekers and stateless people, including those at risk of trafficking.", ["Protection", "Conflict"], ["Global"]),
        ("UNICEF", "United Nations Children's Fund", "Protects children from trafficking, exploitation and violence.", ["Children", "Protection"], ["Global"]),
        ("UNDP", "United Nations Development Programme", "Addresses the development drivers of vulnerability to trafficking.", ["Prevention", "Partnerships"], ["Global"]),
        ("UNWOMEN", "United Nations Entity for Gender Equality and the Empowerment of Women", "Works for gender equality and the rights of women and girls affected by trafficking.", ["Prevention", "Protection"], ["Global"]),
        ("UNFPA", "United Nations Population Fund", "Works against gender-based violence and harmful practices linked to trafficking.", ["Prevention", "Protection"], ["Global"]),
        ("UNESCO", "United Nations Educational, Scientific and Cultural Organization", "Education and awareness against trafficking.", ["Prevention", "Children"], ["Global"]),
        ("WHO", "World Health Organization", "Health care for survivors of trafficking.", ["Protection"], ["Global"]),
        ("UNAIDS", "Joint United Nations Programme on HIV/AIDS", "HIV prevention and care among people affected by trafficking.", ["Protection"], ["Global"]),
        ("ICAO", "International Civil Aviation Organization", "Aviation's role in detecting and reporting trafficking.", ["Prevention", "Partnerships"], ["Global"]),
        ("IMO", "International Maritime Organization", "Trafficking and forced labour at sea.", ["Forced labour", "Prevention"], ["Global"]),
        ("UNICRI", "United Nations Interregional Crime and Justice Research Institute", "Research and training on crime and justice.", ["Technology", "Prosecution"], ["Global"]),
        ("UNOPS", "United Nations Office for Project Services", "Infrastructure, procurement and project management without exploitation in supply chains.", ["Procurement", "Forced labour"], ["Global"]),
        ("UNU", "United Nations University", "Research on modern slavery and trafficking.", ["Forced labour", "Technology"], ["Global"]),
        ("WBG", "World Bank Group", "Financing and data on the economics of exploitation.", ["Partnerships", "Prevention"], ["Global"]),
        ("OSCE", "Organization for Security and Co-operation in Europe", "Regional action against trafficking in the OSCE area.", ["Prevention", "Prosecution", "Partnerships"], ["Europe and Central Asia"]),
        ("COE", "Council of Europe", "Convention on Action against Trafficking in Human Beings and its monitoring.", ["Protection", "Prosecution"], ["Europe and Central Asia"]),
        ("INTERPOL", "International Criminal Police Organization", "Police cooperation against trafficking networks.", ["Prosecution", "Technology"], ["Global"]),
        ("ICMPD", "International Centre for Migration Policy Development", "Migration policy and anti-trafficking capacity building.", ["Labour migration", "Partnerships"], ["Europe and Central Asia", "Africa"]),
        ("CTED", "Counter-Terrorism Committee Executive Directorate", "Links between trafficking and terrorism.", ["Conflict", "Prosecution"], ["Global"]),
        ("DPPA", "Department of Political and Peacebuilding Affairs", "Trafficking in conflict prevention and peacebuilding.", ["Conflict", "Prevention"], ["Global"]),
        ("DPO", "Department of Peace Operations", "Trafficking in peace operations.", ["Conflict", "Prevention"], ["Global"]),
        ("OSRSG-SVC", "Office of the Special Representative of the Secretary-General on Sexual Violence in Conflict", "Trafficking for sexual exploitation in conflict.", ["Conflict", "Protection"], ["Global"]),
        ("OSRSG-CAAC", "Office of the Special Representative of the Secretary-General for Children and Armed Conflict", "Children trafficked in armed conflict.", ["Conflict", "Children"], ["Global"]),
        ("OSRSG-VAC", "Office of the Special Representative of the Secretary-General on Violence against Children", "Ending violence against children, including trafficking.", ["Children", "Protection"], ["Global"]),
    ];

    public static readonly IReadOnlyList<string> CoChairAgencies = ["ILO", "UNHCR"];

    public static readonly IReadOnlyList<string> WorkingGroupMembers = ["ILO", "IOM", "OHCHR", "UNHCR", "UNICEF", "UNODC"];

    public async Task RunAsync(string password, CancellationToken ct)
    {
        db.WritesNoMail = true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (code, name, mandate, priorities, regions) in Members)
        {
            db.Agencies.Add(Agency.Register(code, name, Actor.System, mandate, priorities, regions));
        }

        await db.SaveChangesAsync(ct);

        var year = clock.GetUtcNow().Year;
        db.CoChairTerms.Add(CoChairTerm.Create(CoChairAgencies, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), [], Actor.System));
        db.WorkingGroups.Add(WorkingGroup.Create("ICAT Working Group", group.Value.SecretariatAgencyCode, WorkingGroupMembers, Actor.System));
        await db.SaveChangesAsync(ct);

        // One hash for every demo sign-in: they share the password, and hashing once keeps start-up fast.
        var passwordHash = hasher.HashPassword(new Person(), password);
        await AddPersonAsync(SecretariatEmail, "Secretariat (UNODC)", group.Value.SecretariatAgencyCode, Roles.Secretariat, passwordHash);
        foreach (var (code, _, _, _, _) in Members)
        {
            await AddPersonAsync(FocalPointEmail(code), $"Focal point ({code})", code, Roles.FocalPoint, passwordHash);
        }

        await SeedPapersAsync(ct);
        await SeedMeetingsAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A plenary in Vienna in three weeks with its agenda, and a Working Group call next week.</summary>
    private async Task SeedMeetingsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var coChair = new Actor(FocalPointEmail(CoChairAgencies[0]), CoChairAgencies[0]);
        var vienna = TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna");
        var day = now.Date.AddDays(21);
        var plenaryStart = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.AddHours(15), DateTimeKind.Unspecified), vienna);
        var plenary = Meeting.Schedule("Plenary meeting of the group", MeetingKind.Plenary, null, plenaryStart, 150, "Europe/Vienna",
            await db.Agencies.Select(a => a.Code).ToListAsync(ct), coChair, now);
        plenary.AddAgendaItem("Adoption of the agenda", null, coChair, now);
        plenary.AddAgendaItem("Joint statement for the World Day against Trafficking in Persons", "ILO", coChair, now);
        plenary.AddAgendaItem("Co-chairs' annual report: outline", "UNHCR", coChair, now);

        var group = await db.WorkingGroups.FirstAsync(ct);
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");
        var callStart = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(now.Date.AddDays(7).AddHours(14), DateTimeKind.Unspecified), zurich);
        var call = Meeting.Schedule("ICAT Working Group call", MeetingKind.WorkingGroup, group.Id, callStart, 60, "Europe/Zurich",
            group.MemberAgencyCodes, new Actor(SecretariatEmail, group.LeadAgencyCode), now);
        call.AddAgendaItem("Issue paper on recruitment fees: state of the draft", "IOM", new Actor(SecretariatEmail, group.LeadAgencyCode), now);

        db.Meetings.AddRange(plenary, call);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A published brief, a joint statement in a silence procedure, and an issue paper being drafted.</summary>
    private async Task SeedPapersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Actor FocalPoint(string code) => new(FocalPointEmail(code), code);

        var brief = Paper.Create("Issue brief: Trafficking in persons in the context of armed conflict", PaperKind.IssueBrief, "UNODC",
            ["OSRSG-SVC", "UNHCR", "UNICEF", "OHCHR"], null, new Actor(SecretariatEmail, "UNODC"), now.AddDays(-60));
        var briefText = brief.AddRevision(0, """
            # Trafficking in persons in the context of armed conflict

            Armed conflict multiplies the risks of trafficking: displacement, family separation and the collapse of the rule of law
            expose women, men and children to exploitation by armed groups and criminal networks.

            ## Recommendations
            1. Integrate counter-trafficking measures into humanitarian response from the outset.
            2. Identify and assist victims among displaced populations, without conditions.
            3. Hold perpetrators accountable, including members of armed forces and groups.
            """, FocalPoint("UNODC"), now.AddDays(-55));
        brief.OpenRound(1, Procedure.Unanimous, now.AddDays(-40), new Actor(SecretariatEmail, "UNODC"), now.AddDays(-50), []);
        foreach (var code in brief.ParticipatingAgencyCodes)
        {
            brief.RecordSignOff(1, briefText.ContentHash, Decision.Approve, null, FocalPoint(code), now.AddDays(-45));
        }

        brief.Publish("How armed conflict fuels trafficking in persons, and what States and humanitarian actors can do.", ["Global", "Conflict"], briefText.Body, new Actor(SecretariatEmail, "UNODC"), now.AddDays(-38));

        var statement = Paper.Create("Joint statement for the World Day against Trafficking in Persons", PaperKind.JointStatement, "ILO",
            ["IOM", "OHCHR", "UNHCR", "UNICEF", "UNODC"], null, FocalPoint("ILO"), now.AddDays(-10));
        var statementText = statement.AddRevision(0, """
            # Joint statement for the World Day against Trafficking in Persons

            On this World Day, the members of the group call on States to leave no victim behind: to identify every victim,
            to protect them regardless of their migration status, and to end impunity for traffickers.
            """, FocalPoint("ILO"), now.AddDays(-9));
        statement.OpenRound(1, Procedure.Silence, now.AddDays(5), FocalPoint("ILO"), now.AddDays(-2), [48, 24]);
        statement.RecordSignOff(1, statementText.ContentHash, Decision.Approve, null, FocalPoint("IOM"), now.AddDays(-1));

        var paper = Paper.Create("Issue paper: Recruitment fees and forced labour", PaperKind.IssuePaper, "IOM", ["ILO", "OHCHR"], null, FocalPoint("IOM"), now.AddDays(-20));
        var first = paper.AddRevision(0, "# Recruitment fees and forced labour\n\nOutline: definitions; evidence; the employer-pays principle.\n", FocalPoint("IOM"), now.AddDays(-20));
        var second = paper.AddRevision(1, "# Recruitment fees and forced labour\n\nWorkers should never pay for their own recruitment.\n\n## Evidence\nTo be completed by ILO.\n", FocalPoint("IOM"), now.AddDays(-6));
        var comment = paper.AddComment(2, "ILO will draft the evidence section from the 2024 global estimates.", FocalPoint("ILO"), now.AddDays(-5));

        db.Papers.AddRange(brief, statement, paper);
        db.Revisions.AddRange(briefText, statementText, first, second);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
    }

    private async Task AddPersonAsync(string email, string displayName, string agencyCode, string role, string passwordHash)
    {
        var person = new Person
        {
            Email = email,
            UserName = email,
            DisplayName = displayName,
            AgencyCode = agencyCode,
            EmailConfirmed = true,
            PasswordHash = passwordHash,
        };
        var created = await users.CreateAsync(person);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {email} failed: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(person, role);
    }
}
