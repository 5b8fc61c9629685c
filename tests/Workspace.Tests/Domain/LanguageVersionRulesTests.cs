using Workspace.Server.Domain;
using Workspace.Server.Domain.Papers;

namespace Workspace.Tests.Domain;

/// <summary>The rules of a paper's versions in other languages, without a database.</summary>
public sealed class LanguageVersionRulesTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Ilo = new("focal@ilo.demo", "ILO");
    private static readonly Actor Iom = new("focal@iom.demo", "IOM");
    private static readonly int[] Reminders = [48, 24];

    private static Paper Drafted(out Revision revision)
    {
        var paper = Paper.Create("Statement", PaperKind.JointStatement, "ILO", ["IOM"], null, Ilo, Now);
        revision = paper.AddRevision(0, "Text", Ilo, Now);
        return paper;
    }

    private static Paper SignedOff(out Revision revision)
    {
        var paper = Drafted(out revision);
        paper.OpenRound(1, Procedure.Unanimous, Now.AddDays(3), Ilo, Now, Reminders);
        paper.RecordSignOff(1, revision.ContentHash, Decision.Approve, null, Ilo, Now);
        paper.RecordSignOff(1, revision.ContentHash, Decision.Approve, null, Iom, Now);
        return paper;
    }

    [Fact]
    public void A_version_binds_the_originals_hash_and_every_new_revision_puts_it_out_of_date_once()
    {
        var paper = Drafted(out var first);
        var version = paper.AddVersionRevision("fr", 1, 0, "Texte", Ilo, Now, [Iom]);

        Assert.Equal((1, first.ContentHash, Revision.HashOf("Texte")), (version.BasedOnRevision, version.BasedOnHash, version.ContentHash));
        Assert.Equal(VersionStatus.Draft, paper.VersionIn("fr")!.Status);
        Assert.Equal(["fr"], paper.VersionLanguages);
        var asked = paper.Events.Single(e => e.Type == "paper.version-added").Notice!;
        Assert.Equal(["IOM"], asked.AgencyCodes);
        Assert.Equal(["focal@iom.demo"], asked.OnlyEmails!);

        paper.AddRevision(1, "Text, changed", Ilo, Now);
        paper.AddRevision(2, "Text, changed again", Ilo, Now);

        Assert.Equal(VersionStatus.OutOfDate, paper.VersionIn("fr")!.Status);
        Assert.Single(paper.Events, e => e.Type == "paper.version-out-of-date");
        var stale = Assert.Throws<RuleBrokenException>(() => paper.AddVersionRevision("fr", 2, 1, "Texte", Ilo, Now, []));
        Assert.Equal(("stale-original", 3), (stale.Code, stale.Extensions["currentRevision"]));
        Assert.Equal("stale-revision", Assert.Throws<RuleBrokenException>(() => paper.AddVersionRevision("fr", 3, 0, "Texte", Ilo, Now, [])).Code);
        Assert.Equal("language", Assert.Throws<FieldRefusedException>(() => paper.AddVersionRevision("en", 3, 0, "Text", Ilo, Now, [])).Field);
    }

    [Fact]
    public void A_review_names_the_exact_texts_and_a_confirmation_holds_for_the_original_it_names()
    {
        var paper = Drafted(out var first);
        var version = paper.AddVersionRevision("es", 1, 0, "Texto", Ilo, Now, []);

        Assert.Equal("stale-version", Assert.Throws<RuleBrokenException>(() =>
            paper.ReviewVersion("es", 1, version.ContentHash, Revision.HashOf("Other"), VersionDecision.Confirm, null, Iom, Now)).Code);
        Assert.Equal("reason", Assert.Throws<FieldRefusedException>(() =>
            paper.ReviewVersion("es", 1, version.ContentHash, first.ContentHash, VersionDecision.SendBack, " ", Iom, Now)).Field);
        paper.ReviewVersion("es", 1, version.ContentHash, first.ContentHash, VersionDecision.Confirm, null, Iom, Now);

        Assert.True(paper.VersionIn("es")!.IsConfirmedAgainst(first.ContentHash));
        paper.AddRevision(1, "Text, changed", Ilo, Now);
        // Out of date for the new text; still a checked translation of the one it names.
        Assert.Equal(VersionStatus.OutOfDate, paper.VersionIn("es")!.Status);
        Assert.True(paper.VersionIn("es")!.IsConfirmedAgainst(first.ContentHash));
        Assert.False(paper.VersionIn("es")!.IsConfirmedAgainst(Revision.HashOf("Text, changed")));
        Assert.Equal("version-out-of-date", Assert.Throws<RuleBrokenException>(() =>
            paper.ReviewVersion("es", 1, version.ContentHash, first.ContentHash, VersionDecision.Confirm, null, Iom, Now)).Code);
    }

    [Fact]
    public void Publication_waits_for_each_required_language_confirmed_against_the_signed_text()
    {
        var paper = SignedOff(out var signed);
        var refused = Assert.Throws<RuleBrokenException>(() => paper.Publish("S", [], "Text", Ilo, Now, ["en", "fr", "es"]));
        Assert.Equal("languages-missing", refused.Code);
        Assert.Equal(["fr", "es"], (IReadOnlyList<string>)refused.Extensions["languages"]!);

        var fr = paper.AddVersionRevision("fr", 1, 0, "Texte", Ilo, Now, []);
        var es = paper.AddVersionRevision("es", 1, 0, "Texto", Ilo, Now, []);
        paper.ReviewVersion("fr", 1, fr.ContentHash, signed.ContentHash, VersionDecision.Confirm, null, Iom, Now);
        paper.ReviewVersion("es", 1, es.ContentHash, signed.ContentHash, VersionDecision.SendBack, "Le falta un párrafo.", Iom, Now);
        Assert.Equal(["es"], paper.MissingLanguages(["fr", "es"], signed.ContentHash));
        Assert.Equal(VersionStatus.SentBack, paper.VersionIn("es")!.Status);

        var again = paper.AddVersionRevision("es", 1, 1, "Texto completo", Ilo, Now, []);
        paper.ReviewVersion("es", 2, again.ContentHash, signed.ContentHash, VersionDecision.Confirm, null, Iom, Now);
        paper.Publish("S", [], "Text", Ilo, Now, ["en", "fr", "es"]);

        Assert.Equal(PaperState.Published, paper.State);
    }

    [Fact]
    public void An_editorial_correction_puts_the_versions_out_of_date_like_a_revision()
    {
        var paper = SignedOff(out _);
        var fr = paper.AddVersionRevision("fr", 1, 0, "Texte", Ilo, Now, []);
        paper.ProposeCorrection(1, "Text, corrected", Ilo, Now, TimeSpan.FromHours(48));

        Assert.Equal(VersionStatus.OutOfDate, paper.VersionIn("fr")!.Status);
        Assert.Equal(2, paper.AddVersionRevision("fr", 2, 1, "Texte corrigé", Ilo, Now, []).Number);
        Assert.Equal(fr.Language, paper.VersionIn("fr")!.Language);
    }
}
