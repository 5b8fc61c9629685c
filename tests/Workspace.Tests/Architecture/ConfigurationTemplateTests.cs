using Microsoft.Extensions.Configuration;
using Workspace.Server;

namespace Workspace.Tests.Architecture;

/// <summary>appsettings.template.json documents every setting with the default the server really uses.</summary>
public sealed class ConfigurationTemplateTests
{
    private static readonly IConfigurationRoot Template = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Workspace.Tests.Infrastructure.Repository.Root, "appsettings.template.json"), optional: false)
        .Build();

    public static TheoryData<string, Type> Sections => new()
    {
        { "Group", typeof(GroupOptions) },
        { "Seed", typeof(SeedOptions) },
        { "Bootstrap", typeof(BootstrapOptions) },
        { "Access", typeof(AccessOptions) },
        { "SignOff", typeof(SignOffOptions) },
        { "Live", typeof(LiveOptions) },
        { "Meetings", typeof(MeetingOptions) },
        { "Api", typeof(ApiOptions) },
        { "Jobs", typeof(JobsOptions) },
        { "Audit", typeof(AuditOptions) },
        { "Storage", typeof(StorageOptions) },
        { "Database", typeof(DatabaseOptions) },
        { "Mail", typeof(MailOptions) },
        { "Mail:Smtp", typeof(SmtpOptions) },
        { "Telemetry", typeof(TelemetryOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_option_is_in_the_template_with_its_default(string section, Type options)
    {
        var defaults = Activator.CreateInstance(options)!;
        // A section within the section (Mail:Smtp) is a row of its own.
        foreach (var property in options.GetProperties().Where(p => p.CanWrite && (p.PropertyType.IsValueType || p.PropertyType == typeof(string))))
        {
            var value = Template.GetSection(section)[property.Name];
            Assert.True(value is not null, $"{section}:{property.Name} is missing from appsettings.template.json");
            var expected = Convert.ToString(property.GetValue(defaults), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            // The configuration loader reads "" as absent, so an empty string stands for "not set".
            Assert.True(string.Equals(expected, value, StringComparison.OrdinalIgnoreCase), $"{section}:{property.Name} is '{value}' in the template but defaults to '{expected}'");
        }
    }

    [Fact]
    public void The_template_names_the_connection_string_and_no_password()
    {
        Assert.Equal("Data Source=data/workspace.db", Template.GetConnectionString("Workspace"));
        Assert.Equal("", Template["Seed:DemoPassword"]);
    }
}
