using AngleSharp.Html.Parser;
using Publishing.Layout.Text.Hyphenation;
using Scriban;

namespace Publishing.Build;

/// <summary>
/// The one-time set-up a process's first document would otherwise wait for, begun on a thread of its own when a
/// build starts, so that on a machine with a spare core it runs while the content is read and checked: Scriban's
/// built-in functions (~11 ms natively compiled: made by reflection, and its date functions look up their
/// delegates' methods, which builds the runtime's whole reverse table of method pointers), AngleSharp's table of
/// text encodings (met at the page's &lt;meta charset&gt;) and of HTML entities, the English hyphenation patterns.
/// Each is a static the build initialises anyway; a build that reaches one still being made waits for it (the
/// runtime's class-constructor and Lazy locks), so nothing is made twice and the outputs are the same bytes.
/// </summary>
public static class ColdStart
{
    private static int _begun;

    /// <summary>Starts the set-up once per process; <paramref name="withLayout"/> when PDF or OFD pages will be laid out.</summary>
    public static void Begin(bool withLayout)
    {
        if (Interlocked.Exchange(ref _begun, 1) == 1) return;
        var thread = new Thread(() => Prepare(withLayout)) { IsBackground = true, Name = "cold start" };
        thread.Start();
    }

    private static void Prepare(bool withLayout)
    {
        try
        {
            _ = new TemplateContext();
            new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true })
                .ParseDocument("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>&amp;&nbsp;</p></body></html>");
            if (withLayout) HyphenationWarmUp.Run();
        }
        catch (Exception)
        {
            // Only a head start: a problem here is met again, and reported, by the build that needs the same thing.
        }
    }
}
