// **stylesheet** is the site's CSS (site.css) and icon: system fonts and badges in the diagram's colours, nothing
// external, so the site works offline.
export const stylesheet = `:root {
  --ink: #1b1f24;
  --muted: #5b6571;
  --line: #d9dee4;
  --paper: #ffffff;
  --tint: #f5f7fa;
  --link: #1d4ed8;
  --brand: #1d3f72;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--paper); line-height: 1.5; }
body { margin: 0; }
a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: 2px; }
a.external::after { content: " \\2197"; font-size: 0.8em; color: var(--muted); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88em; }
pre { background: var(--tint); border: 1px solid var(--line); border-radius: 4px; padding: 0.4rem 0.6rem; overflow-x: auto; margin: 0.3rem 0 0; }
header.site { background: var(--brand); color: #fff; padding: 0.6rem 1.25rem; }
header.site a { color: #fff; margin-right: 1rem; }
header.site .brand { font-weight: 700; letter-spacing: 0.02em; }
header.site .trail { font-size: 0.9rem; margin-top: 0.2rem; color: #d6e2f3; }
header.site .trail a { margin-right: 0; color: #d6e2f3; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; padding: 0.75rem 1.25rem; max-width: 72rem; margin: 0 auto; }
h1 { font-size: 2rem; margin: 0.2rem 0; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
.kind { color: var(--muted); margin: 0; font-size: 0.95rem; }
.iri { margin: 0.2rem 0; color: var(--muted); overflow-wrap: anywhere; }
.description { font-size: 1.08rem; max-width: 48rem; }
.meta { color: var(--muted); font-size: 0.9em; }
.none { color: var(--muted); font-style: italic; }
.note { color: #7a4d00; font-size: 0.9em; }
.warning { color: #7a4d00; background: #fff7e6; border-left: 3px solid #e0a030; padding: 0.3rem 0.6rem; }
dl.facts { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0.8rem 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
thead th { white-space: nowrap; }
thead th { background: var(--tint); font-weight: 600; }
table.properties th[scope="row"] { width: 14rem; font-weight: 600; }
td.number { font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; color: var(--muted); padding: 0.3rem 0; }
tr:target, li:target, section:target > h3 { background: #fff3c4; }
ul.mechanisms, ul.entities, ul.references, ul.caveats, ul.identifiers { padding-left: 1.2rem; }
ul.mechanisms li, ul.references li, ul.caveats li { margin: 0.35rem 0; }
ul.entities { columns: 2 22rem; column-gap: 2rem; }
ul.entities li { break-inside: avoid; margin: 0.15rem 0; }
ul.identifiers { columns: 2 18rem; }
.badge { display: inline-block; border-radius: 999px; padding: 0 0.55rem; font-size: 0.8rem; line-height: 1.5rem; border: 1px solid var(--line); background: var(--tint); white-space: nowrap; }
.badge a { color: inherit; text-decoration: none; }
.badge.unknown { color: var(--muted); font-style: italic; }
.directness-direct { background: #1d3f72; border-color: #1d3f72; color: #fff; }
.directness-indirect { background: #fff; border: 1px dashed #1d3f72; color: #1d3f72; }
.strength-strong { font-weight: 700; border-width: 2px; }
.strength-weak { color: var(--muted); }
.certainty-established { background: #dbe6f6; border-color: #1d3f72; }
.certainty-probable { background: #e8eff9; border-color: #3f73b8; }
.certainty-possible { background: #f3f6fb; border-color: #8aa6cf; }
.valence-therapeutic { background: #e3f4e8; border-color: #3c8a5a; }
.valence-adverse { background: #fde8e6; border-color: #b4443a; }
.valence-contextdependent { background: #fff3d6; border-color: #c08a1a; }
.qualities { margin-left: 0.3rem; }
figure.diagram { margin: 0.5rem 0; padding: 0.75rem; border: 1px solid var(--line); border-radius: 6px; background: #fcfdfe; overflow-x: auto; }
figure.diagram svg.diagram { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figure.diagram svg.diagram a:hover path, figure.diagram svg.diagram a:focus path { stroke-width: 4; }
figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.6rem; }
ul.legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; }
ul.legend li { display: flex; align-items: center; gap: 0.4rem; }
svg.key { flex: none; }
table.downloads code { white-space: nowrap; }
table.downloads code.checksum { white-space: normal; overflow-wrap: anywhere; font-size: 0.8em; }
form.filter { margin: 1rem 0; display: flex; align-items: center; gap: 0.6rem; flex-wrap: wrap; }
form.filter input { font: inherit; padding: 0.35rem 0.6rem; border: 1px solid #aab4c0; border-radius: 4px; min-width: 18rem; }
form.filter button { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid var(--brand); border-radius: 4px; background: var(--brand); color: #fff; }
nav.letters ul { list-style: none; padding: 0; margin: 0.6rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; }
nav.letters a { font-weight: 600; }
nav.letters a[aria-current="page"] { color: var(--ink); text-decoration: none; background: #fff3c4; padding: 0 0.3rem; border-radius: 3px; }
#filter-status { color: var(--muted); font-size: 0.9rem; }
nav.toc ul { padding-left: 1.2rem; }
section.term { border-top: 1px solid var(--line); padding-top: 0.2rem; }
h2 + section.term { border-top: none; }
[hidden] { display: none !important; }
@media print { header.site, form.filter { display: none; } a.external::after { content: ""; } }
`;

/** The site's icon (favicon.svg): a page without one makes every browser request /favicon.ico and log a 404. */
export const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d3f72"/><circle cx="9" cy="16" r="4" fill="#fff"/><circle cx="23" cy="9" r="3" fill="#bcd3f0"/><circle cx="23" cy="23" r="3" fill="#bfe6cc"/><path d="M12.5 14.5 20 10M12.5 17.5 20 22" stroke="#fff" stroke-width="1.6"/></svg>
`;
