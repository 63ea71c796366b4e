// The site's one script (a file of the site, allowed by the pages' CSP as 'self'; no inline handlers).
// Document pages: the 目录 sidebar follows the reader. Index: filter and sort. Live preview: reload on save.
"use strict";
(function () {
  const narrow = window.matchMedia("(max-width: 1099px)");

  // 目录 sidebar: closed on phones until asked for, closed again after a jump; the current section highlighted.
  const toc = document.querySelector("details.site-toc");
  if (toc) {
    if (narrow.matches) toc.open = false;
    toc.addEventListener("click", (event) => {
      if (event.target.closest("a") && narrow.matches) toc.open = false;
    });
    const links = [...toc.querySelectorAll("a[href^='#']")];
    const targets = links
      .map((link) => ({ link, target: document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1))) }))
      .filter((entry) => entry.target);
    let scheduled = false;
    const highlight = () => {
      scheduled = false;
      let current = null;
      for (const entry of targets) {
        if (entry.target.getBoundingClientRect().top <= 96) current = entry;
      }
      for (const entry of targets) {
        if (entry === current) entry.link.setAttribute("aria-current", "location");
        else entry.link.removeAttribute("aria-current");
      }
    };
    window.addEventListener("scroll", () => {
      if (!scheduled) { scheduled = true; window.requestAnimationFrame(highlight); }
    }, { passive: true });
    highlight();
  }

  // Warnings panel: on a phone the list is folded behind a button, so the document is not pushed a screen down.
  const warnings = document.querySelector(".warnings-panel ol");
  if (warnings && narrow.matches) {
    warnings.id = "warnings-list";
    warnings.hidden = true;
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "warnings-toggle";
    toggle.setAttribute("aria-controls", warnings.id);
    toggle.setAttribute("aria-expanded", "false");
    const label = () => { toggle.textContent = warnings.hidden ? "展开列表" : "收起列表"; };
    label();
    toggle.addEventListener("click", () => {
      warnings.hidden = !warnings.hidden;
      toggle.setAttribute("aria-expanded", String(!warnings.hidden));
      label();
    });
    warnings.before(toggle);
    // Following a link to a warning's place (or arriving at #warnings) opens the list.
    if (location.hash === "#warnings") toggle.click();
  }

  // Index: a filter box and sortable columns.
  const index = document.querySelector("table[data-sortable]");
  if (index) {
    const body = index.tBodies[0];
    const filter = document.getElementById("filter");
    if (filter) {
      filter.addEventListener("input", () => {
        const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
        for (const row of body.rows) {
          const text = row.textContent.toLowerCase();
          row.hidden = !words.every((word) => text.includes(word));
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
        const rows = [...body.rows].sort((a, b) => {
          const x = key(a), y = key(b);
          const order = kind === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
          return ascending ? order : -order;
        });
        for (const row of rows) body.appendChild(row);
      });
    });
  }

  // Live preview (publishing serve, on this machine only): reload when the page was rebuilt, show problems.
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
    const slug = location.pathname.split("/").filter(Boolean)[0] || "";
    const status = () => fetch("/_live/status?document=" + encodeURIComponent(slug), { cache: "no-store" })
      .then((response) => response.json())
      .then((state) => showProblems(state.problems || []))
      .catch(() => {});
    const events = new EventSource("/_live/events");
    events.addEventListener("built", (event) => {
      const built = JSON.parse(event.data);
      if (built.ok && (built.document === slug || !slug || built.document === "")) location.reload();
      else status();
    });
    status();
  }
})();
