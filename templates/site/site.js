// The site's one script (a file of the site, allowed by the pages' CSP as 'self'; no inline handlers).
// Document pages: the 目录 sidebar follows the reader. Index: filter and sort. Live preview: update on save.
"use strict";
(function () {
  const narrow = window.matchMedia("(max-width: 1099px)");

  // 目录 sidebar: closed on phones until asked for, closed again after a jump; the current section highlighted.
  let targets = [];
  const highlight = () => {
    let current = null;
    for (const entry of targets) {
      if (entry.target.getBoundingClientRect().top <= 96) current = entry;
    }
    for (const entry of targets) {
      if (entry === current) entry.link.setAttribute("aria-current", "location");
      else entry.link.removeAttribute("aria-current");
    }
  };
  let scheduled = false;
  window.addEventListener("scroll", () => {
    if (!scheduled) { scheduled = true; window.requestAnimationFrame(() => { scheduled = false; highlight(); }); }
  }, { passive: true });
  const enhanceToc = () => {
    const toc = document.querySelector("details.site-toc");
    targets = [];
    if (!toc) return;
    if (narrow.matches) toc.open = false;
    toc.addEventListener("click", (event) => {
      if (event.target.closest("a") && narrow.matches) toc.open = false;
    });
    targets = [...toc.querySelectorAll("a[href^='#']")]
      .map((link) => ({ link, target: document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1))) }))
      .filter((entry) => entry.target);
    highlight();
  };

  // Warnings panel (a details element, folded to one line): arriving at #warnings, or following a link to it
  // (the draft stamp's count), opens it.
  const openWarnings = () => {
    const warnings = document.querySelector("details.warnings-panel");
    if (warnings && location.hash === "#warnings") warnings.open = true;
  };
  window.addEventListener("hashchange", openWarnings);
  const enhanceWarnings = openWarnings;

  // Index: a filter box and sortable columns. Documents are grouped by 主管部门 (one tbody each, its first row the
  // group's header): sorting orders the documents within each group; filtering hides the documents that do not
  // match (a group whose name matches keeps all its documents) and the groups left empty.
  const enhanceIndex = () => {
    const index = document.querySelector("table[data-sortable]");
    if (!index) return;
    const groups = [...index.tBodies];
    const documents = (group) => [...group.rows].filter((row) => !row.classList.contains("group-header"));
    const filter = document.getElementById("filter");
    if (filter) {
      filter.addEventListener("input", () => {
        const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
        const matches = (text) => words.every((word) => text.toLowerCase().includes(word));
        for (const group of groups) {
          const all = matches(group.dataset.group || "");
          let shown = 0;
          for (const row of documents(group)) {
            row.hidden = !all && !matches(row.textContent);
            if (!row.hidden) shown++;
          }
          group.hidden = shown === 0;
        }
      });
    }
    [...index.tHead.rows[0].cells].forEach((th, column) => {
      const kind = th.dataset.sort;
      if (!kind || kind === "none") return;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        for (const other of index.tHead.rows[0].cells) other.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const key = (row) => {
          const cell = row.cells[column];
          const value = cell.dataset.value ?? cell.textContent.trim();
          return kind === "number" ? Number(value) || 0 : value;
        };
        for (const group of groups) {
          const rows = documents(group).sort((a, b) => {
            const x = key(a), y = key(b);
            const order = kind === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
            return ascending ? order : -order;
          });
          for (const row of rows) group.appendChild(row);
        }
      });
    });
  };

  const enhance = () => { enhanceToc(); enhanceWarnings(); enhanceIndex(); };
  enhance();

  // Live preview (publishing serve, on this machine only). A document page is updated in place when its
  // document was rebuilt: the new page is fetched and its body replaces this one at the same scroll position
  // (no reload: no blank page, no refetch of fonts and scripts); the stylesheet is swapped only when it
  // changed. Each page knows the version it was served at, so a build that finished while it loaded (its
  // first PDF) is not missed. Other pages reload. Problems of the last build show in a banner.
  const live = location.protocol === "http:" && (location.hostname === "127.0.0.1" || location.hostname === "localhost");
  if (live && window.EventSource) {
    const showProblems = (problems) => {
      let banner = document.getElementById("live-problems");
      if (!problems.length) { if (banner) banner.remove(); return; }
      if (!banner) {
        banner = document.createElement("section");
        banner.id = "live-problems";
        banner.className = "live-problems";
        banner.setAttribute("role", "alert");
        document.body.prepend(banner);
      }
      banner.textContent = "";
      const title = document.createElement("h2");
      title.textContent = "内容有错误，显示的是上一次成功的版本：";
      banner.appendChild(title);
      const list = document.createElement("ul");
      for (const problem of problems) {
        const item = document.createElement("li");
        item.textContent = problem;
        list.appendChild(item);
      }
      banner.appendChild(list);
    };
    // The document a page belongs to ("" for the index): /slug/, /slug/index.html, /slug/changes.html.
    const parts = location.pathname.split("/").filter(Boolean);
    const slug = parts.length > 1 || location.pathname.endsWith("/") ? parts[0] || "" : "";
    const status = () => fetch("/_live/status?document=" + encodeURIComponent(slug), { cache: "no-store" })
      .then((response) => response.json())
      .then((state) => showProblems(state.problems || []))
      .catch(() => {});
    const versionMeta = 'meta[name="publishing-live-version"]';
    let version = document.querySelector(versionMeta)?.content ?? "";
    const inPlace = document.body.classList.contains("document-page");

    // The document's own stylesheet (theme.css, whose font URLs carry the subsets' versions) as last loaded.
    const themeLink = () => [...document.querySelectorAll('link[rel="stylesheet"]')].find((l) => !l.getAttribute("href").startsWith("../"));
    const cssText = (link) => link ? fetch(link.href, { cache: "no-cache" }).then((r) => r.text()).catch(() => "") : Promise.resolve("");
    let themeText = inPlace ? cssText(themeLink()) : Promise.resolve("");
    let loads = 0;
    const refreshTheme = async () => {
      const link = themeLink();
      const [before, now] = await Promise.all([themeText, cssText(link)]);
      themeText = Promise.resolve(now);
      if (!link || before === now) return;
      const next = link.cloneNode();
      next.href = link.getAttribute("href").split("?")[0] + "?live=" + (++loads);
      await new Promise((resolve) => { next.onload = resolve; next.onerror = resolve; link.after(next); });
      link.remove();
    };

    let updating = Promise.resolve();
    const update = () => {
      updating = updating.then(async () => {
        const response = await fetch(location.pathname, { cache: "no-store" });
        const next = new DOMParser().parseFromString(await response.text(), "text/html");
        const nextVersion = next.querySelector(versionMeta)?.content ?? "";
        if (nextVersion === version) return;
        if (!inPlace || !next.body.classList.contains("document-page")) { location.reload(); return; }
        await refreshTheme();
        // What the reader had open stays open, and the page stays where it was.
        const y = window.scrollY;
        const tocOpen = document.querySelector("details.site-toc")?.open;
        const warningsOpen = document.querySelector("details.warnings-panel")?.open;
        document.body = document.adoptNode(next.body);
        document.title = next.title;
        document.querySelector(versionMeta)?.setAttribute("content", nextVersion);
        version = nextVersion;
        enhance();
        const toc = document.querySelector("details.site-toc");
        if (toc && tocOpen !== undefined) toc.open = tocOpen;
        const warnings = document.querySelector("details.warnings-panel");
        if (warnings && warningsOpen) warnings.open = true;
        window.scrollTo(0, y);
        await status();
      }).catch(() => location.reload());
    };

    const query = document.querySelector(versionMeta) ? "?" + new URLSearchParams({ document: slug, version }) : "";
    const events = new EventSource("/_live/events" + query);
    events.addEventListener("built", (event) => {
      const built = JSON.parse(event.data);
      if (slug && built.document !== slug) return;
      if (!built.ok) status();
      else if (!inPlace) location.reload();
      else if (built.version !== version) update();
    });
    status();
  }
})();
