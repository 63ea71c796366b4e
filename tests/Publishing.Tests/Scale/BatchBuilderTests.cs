using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Tests.Support;
using UglyToad.PdfPig;

namespace Publishing.Tests.Scale;

/// <summary>The multi-document run: parallel, isolated, deterministic, incremental.</summary>
public sealed class BatchBuilderTests
{
    private static (string Content, string[] Documents) Copies(params string[] slugs)
    {
        var content = RepoPaths.NewTempDirectory("content");
        foreach (var slug in slugs) RepoPaths.CopyDirectory(RepoPaths.Sample, Path.Combine(content, slug));
        return (content, slugs.Select(s => Path.Combine(content, s)).ToArray());
    }

    private static BatchBuilder Builder(string content, string output) =>
        new(new BuildOptions(content, output, RepoPaths.Templates, OutputFormats.All));

    [Fact]
    public void Builds_every_document_in_parallel_into_its_own_folder_with_one_result_each_in_slug_order()
    {
        var (content, documents) = Copies("c-dept", "a-dept", "b-dept");
        var output = RepoPaths.NewTempDirectory();
        var seenThreads = new HashSet<int>();
        var done = new List<string>();

        var result = Builder(content, output).Build(documents, new BatchOptions(Jobs: 3, DocumentDone: d => done.Add(d.Slug)));

        result.Documents.Select(d => d.Slug).ShouldBe(["a-dept", "b-dept", "c-dept"]);
        done.Order().ShouldBe(["a-dept", "b-dept", "c-dept"]);
        result.Jobs.ShouldBe(3);
        foreach (var document in result.Documents)
        {
            document.Status.ShouldBe(DocumentStatus.Built);
            document.Changed.ShouldBeTrue();
            document.Files.ShouldContain("index.html");
            document.Files.ShouldContain($"{document.Slug}.pdf");
            document.OutputDirectory.ShouldBe(Path.Combine(output, document.Slug));
            document.Bytes.ShouldBe(document.Files.Sum(f => new FileInfo(Path.Combine(document.OutputDirectory, f)).Length));
            document.Diagnostics.ShouldNotBeEmpty();            // the seed's known warnings, per document
            document.Diagnostics.ShouldAllBe(d => !d.IsError && d.Path.Contains(document.Slug));
            using var pdf = PdfDocument.Open(document.PdfPath!);
            pdf.NumberOfPages.ShouldBe(document.Pages!.Value);
            pdf.GetPage(1).Text.ShouldContain("承德县信访局");
        }
    }

    [Fact]
    public void A_document_that_throws_is_reported_at_its_manifest_and_the_others_are_built()
    {
        var (content, documents) = Copies("a", "b", "c");
        var output = RepoPaths.NewTempDirectory();
        DocumentIsolation.FailingDocuments[documents[1]] = new InvalidOperationException("boom in b");
        BatchResult result;
        try
        {
            result = Builder(content, output).Build(documents, new BatchOptions(Jobs: 2));
        }
        finally
        {
            DocumentIsolation.FailingDocuments.TryRemove(documents[1], out _);
        }

        result.Documents.Single(d => d.Slug == "b").Status.ShouldBe(DocumentStatus.Failed);
        var internalError = result.Documents.Single(d => d.Slug == "b").Diagnostics.ShouldHaveSingleItem();
        internalError.Code.ShouldBe(DiagnosticCodes.InternalError);
        internalError.Path.ShouldEndWith("b/document.yaml");
        internalError.Message.ShouldContain("boom in b");
        Directory.Exists(Path.Combine(output, "b")).ShouldBeFalse();
        foreach (var slug in new[] { "a", "c" })
        {
            result.Documents.Single(d => d.Slug == slug).Status.ShouldBe(DocumentStatus.Built);
            using var pdf = PdfDocument.Open(Path.Combine(output, slug, slug + ".pdf"));
            pdf.NumberOfPages.ShouldBeGreaterThan(5);
        }
        result.FailedCount.ShouldBe(1);
        result.Diagnostics.ShouldContain(internalError);
    }

    [Fact]
    public void The_same_bytes_whatever_the_number_of_jobs()
    {
        var (content, documents) = Copies("a", "b", "c", "d");
        var serial = RepoPaths.NewTempDirectory();
        var parallel = RepoPaths.NewTempDirectory();

        Builder(content, serial).Build(documents, new BatchOptions(Jobs: 1, Incremental: false));
        Builder(content, parallel).Build(documents, new BatchOptions(Jobs: 4, Incremental: false));

        foreach (var slug in new[] { "a", "b", "c", "d" })
            foreach (var file in new[] { "index.html", "theme.css", slug + ".pdf" })
                File.ReadAllBytes(Path.Combine(parallel, slug, file)).ShouldBe(File.ReadAllBytes(Path.Combine(serial, slug, file)), $"{slug}/{file}");
    }

    [Fact]
    public void An_unchanged_document_is_not_rebuilt_and_an_edited_one_alone_is()
    {
        var (content, documents) = Copies("a", "b", "c");
        var output = RepoPaths.NewTempDirectory();
        var first = Builder(content, output).Build(documents);
        first.BuiltCount.ShouldBe(3);
        var pdfWritten = File.GetLastWriteTimeUtc(Path.Combine(output, "a", "a.pdf"));

        var again = Builder(content, output).Build(documents);
        again.Documents.ShouldAllBe(d => d.Status == DocumentStatus.UpToDate && !d.Changed);
        // What an up-to-date document reports is what its build reported: pages, bytes, every warning.
        again.Documents.Select(d => (d.Pages, d.Bytes, d.Diagnostics.Count)).ShouldBe(first.Documents.Select(d => (d.Pages, d.Bytes, d.Diagnostics.Count)));
        again.Diagnostics.ShouldBe(first.Diagnostics);
        File.GetLastWriteTimeUtc(Path.Combine(output, "a", "a.pdf")).ShouldBe(pdfWritten);

        // Touched but not edited: still up to date (content hashes, not times).
        File.SetLastWriteTimeUtc(Path.Combine(documents[0], "document.yaml"), DateTime.UtcNow.AddMinutes(1));
        Builder(content, output).Build(documents).UpToDateCount.ShouldBe(3);

        var section = Path.Combine(documents[1], "sections", "03-safeguards.md");
        File.AppendAllText(section, "\n本段为测试新增的内容。\n");
        var edited = Builder(content, output).Build(documents);
        edited.Documents.Select(d => d.Status).ShouldBe([DocumentStatus.UpToDate, DocumentStatus.Built, DocumentStatus.UpToDate]);
        edited.Documents[1].Changed.ShouldBeTrue();
        File.ReadAllText(Path.Combine(output, "b", "index.html")).ShouldContain("本段为测试新增的内容。");

        // An output deleted by hand is made again.
        File.Delete(Path.Combine(output, "c", "c.pdf"));
        Builder(content, output).Build(documents).Documents[2].Status.ShouldBe(DocumentStatus.Built);
        File.Exists(Path.Combine(output, "c", "c.pdf")).ShouldBeTrue();
    }

    [Fact]
    public void A_template_change_rebuilds_every_document()
    {
        var (content, documents) = Copies("a", "b");
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        var output = RepoPaths.NewTempDirectory();
        BatchBuilder Make() => new(new BuildOptions(content, output, templates, OutputFormats.Html));
        Make().Build(documents).BuiltCount.ShouldBe(2);
        Make().Build(documents).UpToDateCount.ShouldBe(2);

        File.AppendAllText(Path.Combine(templates, "theme.css.sbn"), "\n/* changed */\n");
        var rebuilt = Make().Build(documents);
        rebuilt.BuiltCount.ShouldBe(2);
        File.ReadAllText(Path.Combine(output, "a", "theme.css")).ShouldContain("/* changed */");
    }

    [Fact]
    public void A_failed_document_is_tried_again_and_its_last_good_draft_stays()
    {
        var (content, documents) = Copies("a");
        var output = RepoPaths.NewTempDirectory();
        Builder(content, output).Build(documents).BuiltCount.ShouldBe(1);
        var good = File.ReadAllBytes(Path.Combine(output, "a", "index.html"));

        File.AppendAllText(Path.Combine(documents[0], "data", "projects.csv"), "\nbroken,\"unclosed\n");
        var broken = Builder(content, output).Build(documents);
        broken.Documents[0].Status.ShouldBe(DocumentStatus.Failed);
        broken.ErrorCount.ShouldBeGreaterThan(0);
        File.ReadAllBytes(Path.Combine(output, "a", "index.html")).ShouldBe(good);
        Builder(content, output).Build(documents).Documents[0].Status.ShouldBe(DocumentStatus.Failed);
    }
}
