// Loads pages in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; no browser is downloaded) at the widths asked for, runs
// axe-core in each, and measures what a reader would see: sideways
// scrolling, content cut off in scrolled regions, requests the page makes,
// errors it logs. tests/browser.rs runs it and judges the results.
//
//   node tests/browser/check.mjs config.json
//
// config.json: {
//   "chromium": "/usr/bin/chromium",
//   "pages": [{"name": "index", "file": "/abs/out/index.html", "dashboard": true}],
//   "widths": [500, 1280],
//   "screenshots": "/abs/folder"   (optional)
// }
// Prints one JSON object: {"results": [...], "dashboard": {...}}.

import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const config = JSON.parse(readFileSync(process.argv[2], "utf8"));

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function open(options) {
  const profile = mkdtempSync(join(tmpdir(), "socsource-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium,
    headless: true,
    args: FLAGS,
    ...options,
  });
  return { context, close: async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  } };
}

// What the page shows at this width, measured in the page.
function measure() {
  const doc = document.documentElement;
  const cut = [];
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    const scrolls = /(auto|scroll|hidden)/.test(style.overflowX);
    // (An element 1 px wide is visually hidden on purpose, not cut.)
    if (scrolls && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1) {
      const label = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || "";
      cut.push({
        element: el.tagName.toLowerCase() + (el.className ? "." + el.className : ""),
        label,
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
      });
    }
  }
  // Elements that reach past the right edge of the viewport.
  const past = [];
  for (const el of document.querySelectorAll("main *")) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > window.innerWidth + 1 && !el.closest(".table-wrap")) {
      past.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : ""));
    }
  }
  // Task-list items: their box, and what stands where a bullet would.
  const tasks = [...document.querySelectorAll("li.task")].map((li) => {
    const box = li.querySelector("input[type=checkbox]");
    const text = li.textContent.trim();
    return {
      text,
      bullet: getComputedStyle(li).listStyleType,
      box: Boolean(box),
      // The box sits left of the item's text, where the bullet was.
      boxFirst: Boolean(box) && box.getBoundingClientRect().right <= li.getBoundingClientRect().left + 4,
    };
  });
  // On screen the contents follow the title.
  const title = document.querySelector("main h1");
  const contents = document.querySelector("nav.toc");
  const contentsBelowTitle = !title || !contents ||
    contents.getBoundingClientRect().top >= title.getBoundingClientRect().bottom;
  return {
    tasks,
    contentsBelowTitle,
    innerWidth: window.innerWidth,
    scrollWidth: doc.scrollWidth,
    horizontalScroll: doc.scrollWidth > window.innerWidth,
    cut,
    past: past.slice(0, 10),
  };
}

async function checkPage(context, page, spec, width) {
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const url = pathToFileURL(spec.file).href;
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  const layout = await page.evaluate(measure);
  await page.evaluate(axeSource);
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  if (config.screenshots) {
    await page.screenshot({
      path: join(config.screenshots, `${spec.name}-${width}.png`),
      fullPage: true,
    });
  }
  return {
    page: spec.name,
    width,
    layout,
    axe,
    requests: requests.filter((u) => u !== url && !u.startsWith("data:")),
    errors,
  };
}

// The dashboard's script: sorting and filtering work, under the page's
// own Content-Security-Policy.
async function checkDashboard(context, spec) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(pathToFileURL(spec.file).href, { waitUntil: "load" });
  const rows = () => page.$$eval("#portfolio tbody tr", (trs) =>
    trs.filter((tr) => !tr.hidden).map((tr) => tr.querySelector("th").textContent.trim()));
  const out = { errors };
  out.controls = await page.$$eval(".controls label", (ls) => ls.map((l) => l.textContent));
  out.initial = await rows();
  const employees = page.locator("#portfolio thead th", { hasText: "Employees" }).locator("button");
  await employees.click();
  out.sortedAscending = await page.$$eval("#portfolio tbody tr", (trs) =>
    trs.map((tr) => Number(tr.cells[2].getAttribute("data-value"))));
  out.ariaSort = await page.$eval("#portfolio thead th:nth-child(3)", (th) => th.getAttribute("aria-sort"));
  await employees.press("Enter");
  out.sortedDescending = await page.$$eval("#portfolio tbody tr", (trs) =>
    trs.map((tr) => Number(tr.cells[2].getAttribute("data-value"))));
  // A cost sorts within its currency, ascending and descending.
  const inHouse = page.locator("#portfolio thead th", { hasText: "In-house" }).locator("button");
  const costs = () => page.$$eval("#portfolio tbody tr", (trs) =>
    trs.map((tr) => [tr.getAttribute("data-currency"), Number(tr.cells[5].getAttribute("data-value"))]));
  await inHouse.click();
  out.costAscending = await costs();
  await inHouse.click();
  out.costDescending = await costs();
  // Sort controls on one line each (the arrow stays beside its heading),
  // and the first organisation's report links on as many lines as it has
  // editions (counted by the distinct tops of its links).
  out.sortButtonLines = await page.$$eval("#portfolio thead button.sort", (bs) =>
    bs.map((b) => b.getClientRects().length === 1 &&
      Math.round(b.getBoundingClientRect().height) <= Math.ceil(parseFloat(getComputedStyle(b).fontSize) * 1.6) ? 1 : 2));
  out.reportLinkLines = await page.$eval("#portfolio tbody tr td.links", (td) =>
    new Set([...td.querySelectorAll("a")].map((a) => Math.round(a.getBoundingClientRect().top))).size);
  await page.selectOption("#filter-recommendation", "outsourced");
  out.outsourced = await rows();
  await page.selectOption("#filter-recommendation", "");
  await page.fill("#filter-text", spec.search || "northwind");
  out.searched = await rows();
  out.status = await page.$eval(".controls .status", (p) => p.textContent);
  await page.close();
  return out;
}

async function checkWithoutScripts(spec) {
  const { context, close } = await open({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setViewportSize({ width: 500, height: 900 });
  await page.goto(pathToFileURL(spec.file).href, { waitUntil: "load" });
  const out = await page.evaluate(() => ({
    rows: document.querySelectorAll("#portfolio tbody tr").length,
    visible: [...document.querySelectorAll("#portfolio tbody tr")].filter(
      (tr) => tr.getBoundingClientRect().height > 0).length,
    controls: document.querySelectorAll(".controls").length,
    horizontalScroll: document.documentElement.scrollWidth > window.innerWidth,
  }));
  await close();
  return out;
}

const { context, close } = await open({});
const results = [];
let dashboard = null;
let withoutScripts = null;
try {
  for (const spec of config.pages) {
    for (const width of config.widths) {
      const page = await context.newPage();
      results.push(await checkPage(context, page, spec, width));
      await page.close();
    }
    if (spec.dashboard) {
      dashboard = await checkDashboard(context, spec);
      withoutScripts = await checkWithoutScripts(spec);
    }
  }
} finally {
  await close();
}
process.stdout.write(JSON.stringify({ results, dashboard, withoutScripts }, null, 2) + "\n");
