namespace Publishing.Changes;

/// <summary>
/// <see cref="GitHistory.Revision"/> for every document folder of one run, from two git processes for the whole
/// content folder — one `git log`, one `git status` — instead of two per document (a county's nightly in a git
/// work tree started hundreds). Asked first when a document's pages are made; a folder outside the content folder
/// is asked of git on its own. One instance per run: a later run sees later commits.
/// </summary>
public sealed class GitRevisions
{
    private readonly string _contentRoot;
    private readonly Lazy<History?> _history;

    public GitRevisions(string contentRoot)
    {
        _contentRoot = Path.GetFullPath(contentRoot);
        _history = new Lazy<History?>(() => History.Read(_contentRoot));
    }

    /// <summary>The last commit that touched the folder (short hash), with "+" when it has uncommitted edits.</summary>
    public string? Of(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!GitHistory.IsUnder(full, _contentRoot)) return GitHistory.Revision(directory);
        if (_history.Value is not { } history) return null;
        var folder = Path.GetRelativePath(history.Top, full).Replace('\\', '/');
        if (!history.LastCommits.TryGetValue(folder, out var commit)) return null;
        return history.HasEdits(folder) ? commit + "+" : commit;
    }

    /// <summary>The content folder's history: each folder's last commit and the paths with uncommitted edits.</summary>
    private sealed record History(string Top, IReadOnlyDictionary<string, string> LastCommits, IReadOnlyList<string> Edited)
    {
        public static History? Read(string contentRoot)
        {
            if (GitHistory.WorkTreeTop(contentRoot) is not { } top) return null;
            var pathspec = Path.GetRelativePath(top, contentRoot).Replace('\\', '/');
            // Newest first, the files each commit changed; a merge once per parent (-m), as `git log -- folder`
            // sees it: a merge touched a folder only when the folder differs from every parent. No rename
            // detection: a file moved out of a folder changed that folder too.
            var log = GitHistory.Run(top, "-c", "core.quotePath=off", "log", "-m", "--name-only", "--no-renames", "--format=%x1e%h", "--", pathspec);
            if (log is null) return null;
            var status = GitHistory.Run(top, "status", "--porcelain", "-z", "--no-renames", "--", pathspec);
            return new History(top, NewestCommits(log), (status ?? "").Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Where(entry => entry.Length > 3).Select(entry => entry[3..]).ToList());
        }

        /// <summary>Every folder (relative to the work tree, "." for its top) with the newest commit that changed it.</summary>
        private static Dictionary<string, string> NewestCommits(string log)
        {
            var last = new Dictionary<string, string>(StringComparer.Ordinal);
            string? commit = null;
            HashSet<string>? touched = null;
            foreach (var entry in log.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
            {
                var lines = entry.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (lines.Length == 0) continue;
                var folders = lines.Skip(1).SelectMany(FoldersOf).ToHashSet(StringComparer.Ordinal);
                if (lines[0] == commit) touched!.IntersectWith(folders); // the same merge against its next parent
                else
                {
                    Remember(commit, touched, last);
                    (commit, touched) = (lines[0], folders);
                }
            }
            Remember(commit, touched, last);
            return last;
        }

        private static void Remember(string? commit, HashSet<string>? touched, Dictionary<string, string> last)
        {
            if (commit is null) return;
            foreach (var folder in touched!) last.TryAdd(folder, commit);
        }

        /// <summary>"a/b/c.md" → "a/b", "a", ".".</summary>
        private static IEnumerable<string> FoldersOf(string path)
        {
            for (var end = path.LastIndexOf('/'); end > 0; end = path.LastIndexOf('/', end - 1))
                yield return path[..end];
            yield return ".";
        }

        /// <summary>Whether a path with uncommitted edits is in the folder (or is an untracked folder holding it).</summary>
        public bool HasEdits(string folder) => folder == "."
            ? Edited.Count > 0
            : Edited.Any(path => path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal)
                || (path.EndsWith('/') && (folder + "/").StartsWith(path, StringComparison.Ordinal)));
    }
}
