// **queryUi** is the page a browser gets at GET /sparql: YASGUI, served from the installed package (no CDN),
// with the example queries of queries/ open in tabs, ready to run.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { queriesDir } from '../paths.js';
import { jsonForScript } from '../site/html.js';

const yasguiBuild = path.dirname(createRequire(import.meta.url).resolve('@zazuko/yasgui/build/yasgui.min.js'));

/** The UI's static assets, by the path they are served at. */
export const queryUiAssets: Readonly<Record<string, { file: string; contentType: string }>> = {
  '/sparql/ui/yasgui.min.js': { file: path.join(yasguiBuild, 'yasgui.min.js'), contentType: 'text/javascript; charset=utf-8' },
  '/sparql/ui/yasgui.min.css': { file: path.join(yasguiBuild, 'yasgui.min.css'), contentType: 'text/css; charset=utf-8' },
};

export function queryUiPage(): string {
  const examples = readdirSync(queriesDir)
    .filter((file) => file.endsWith('.rq'))
    .sort()
    .map((file) => ({ name: file.replace(/\.rq$/, ''), query: readFileSync(path.join(queriesDir, file), 'utf8') }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pharmald SPARQL endpoint</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/sparql/ui/yasgui.min.css">
<style>body { font-family: system-ui, sans-serif; margin: 0 1rem; } header { padding: .5rem 0; }</style>
</head>
<body>
<header><strong>pharmald</strong> SPARQL endpoint: POST or GET <code>/sparql?query=…</code>. The example queries are open in tabs.</header>
<div id="yasgui"></div>
<script src="/sparql/ui/yasgui.min.js"></script>
<script type="application/json" id="examples">${jsonForScript(examples, 0)}</script>
<script>
const examples = JSON.parse(document.getElementById('examples').textContent);
const endpoint = new URL('/sparql', location.href).href;
const yasgui = new Yasgui(document.getElementById('yasgui'), {
  requestConfig: { endpoint, method: 'POST' },
  copyEndpointOnNewTab: true,
  persistenceId: null,
});
// Only the active tab has an editor yet: the others get their query through their configuration.
examples.forEach((example, index) => {
  if (index === 0) yasgui.getTab().setQuery(example.query).setName(example.name);
  else yasgui.addTab(false, { name: example.name, yasqe: { value: example.query } });
});
window.pharmaldExamples = examples.length;
</script>
</body>
</html>
`;
}
