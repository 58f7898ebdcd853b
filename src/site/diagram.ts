// **diagram** draws a drug's mechanisms (drug → targets → systems) with Graphviz in WebAssembly at build time, inlined
// as SVG so it reads without JavaScript: one edge per mechanism, its stroke the directness, width strength, colour certainty.
import { instance, type Viz } from '@viz-js/viz';
import { compareCodeUnits } from '../serialize/ntriples.js';
import { prop, termIri } from '../vocab.js';
import { entityPage, entityRef, relativeHref, type SiteGraph } from './graph.js';
import { escapeHtml, html, Html } from './html.js';
import type { PageView } from './view.js';

/** How a mechanism's edge is drawn, by its directness, strength and certainty (also drawn by the legend). */
export const edgeStyle = {
  directness: { [termIri('directness', 'direct')]: 'solid', [termIri('directness', 'indirect')]: 'dashed' } as Record<string, 'solid' | 'dashed'>,
  penwidth: { [termIri('strength', 'strong')]: 3.5, [termIri('strength', 'moderate')]: 2, [termIri('strength', 'weak')]: 0.75 } as Record<string, number>,
  unknownPenwidth: 1.5,
  colour: {
    [termIri('certainty', 'established')]: '#1d3f72',
    [termIri('certainty', 'probable')]: '#3f73b8',
    [termIri('certainty', 'possible')]: '#8aa6cf',
  } as Record<string, string>,
  targetToSystem: '#9aa3ad',
} as const;

const palette = {
  drug: { fill: '#1d3f72', font: '#ffffff', border: '#1d3f72' },
  target: { fill: '#e8f0fb', font: '#10233f', border: '#3f73b8' },
  system: { fill: '#e7f5ec', font: '#133a22', border: '#3c8a5a' },
} as const;

/** One Graphviz instance per process: starting the WebAssembly module is the slow part, rendering is not. */
let viz: Promise<Viz> | undefined;

/** A drug's mechanism diagram (links relative to its page): an inline <svg> with a text alternative. */
export async function mechanismDiagram(graph: SiteGraph, drug: string): Promise<Html | undefined> {
  const mechanisms = graph.iris(drug, prop.hasMechanism);
  if (mechanisms.length === 0) return undefined;
  const page = entityPage(drug);
  const drugLabel = graph.label(drug);
  const nodes = new Map<string, { kind: 'drug' | 'target' | 'system'; iri: string }>();
  const node = (kind: 'drug' | 'target' | 'system', iri: string) => {
    const id = `node-${nodeId(iri)}`;
    nodes.set(id, { kind, iri });
    return id;
  };
  const drugNode = node('drug', drug);
  // By id: a target's edge to a system is drawn once, however many mechanisms reach the system through it.
  const edges = new Map<string, string>();
  const sentences: string[] = [];

  for (const mechanism of mechanisms) {
    const [target, directness, strength, certainty, action] = qualityProperties.map((p) => graph.iri(mechanism, p));
    const systems = graph.iris(mechanism, prop.system);
    const style = [
      `style=${(directness && edgeStyle.directness[directness]) ?? 'solid'}`,
      `penwidth=${(strength && edgeStyle.penwidth[strength]) ?? edgeStyle.unknownPenwidth}`,
      `color=${dotString((certainty && edgeStyle.colour[certainty]) ?? '#555555')}`,
      `href=${dotString(relativeHref(page, entityPage(mechanism)))}`,
      `tooltip=${dotString(graph.label(mechanism))}`,
    ];
    const id = `edge-${nodeId(mechanism)}`;
    if (target) {
      const targetNode = node('target', target);
      const label = action ? graph.label(action) : 'acts on';
      edges.set(id, `${dotString(drugNode)} -> ${dotString(targetNode)} [id=${dotString(id)}, label=${dotString(wrap(label, 22))}, ${style.join(', ')}];`);
      for (const system of systems) {
        const systemNode = node('system', system);
        const edgeId = `edge-${nodeId(target)}-${nodeId(system)}`;
        edges.set(edgeId, `${dotString(targetNode)} -> ${dotString(systemNode)} [id=${dotString(edgeId)}, color=${dotString(edgeStyle.targetToSystem)}, penwidth=1, arrowsize=0.6, tooltip=${dotString(`${graph.label(target)} acts in ${graph.label(system)}`)}];`);
      }
    } else {
      const label = withoutSubject(graph.label(mechanism), drugLabel);
      // One label per mechanism: its other systems get edges of the same stroke without repeating the words.
      systems.forEach((system, i) => {
        const systemNode = node('system', system);
        const text = i === 0 ? `label=${dotString(wrap(label, 26))}, ` : '';
        edges.set(`${id}-${i + 1}`, `${dotString(drugNode)} -> ${dotString(systemNode)} [id=${dotString(`${id}-${i + 1}`)}, ${text}${style.join(', ')}];`);
      });
    }
    // The mechanism in words, for the SVG's <desc> and readers who cannot see the drawing.
    const name = (iri: string | undefined) => (iri ? graph.label(iri) : undefined);
    const qualities = [name(directness), name(strength) ?? 'strength not recorded', name(certainty)].filter((q) => q !== undefined);
    const via = target ? ` Target: ${graph.label(target)}${action ? ` (${graph.label(action)})` : ''}.` : ' No single target.';
    const systemNames = systems.map((s) => graph.label(s)).join(', ');
    sentences.push(`${graph.label(mechanism)} (${qualities.join(', ')}).${via} Systems: ${systemNames}.`);
  }

  const nodeLines = [...nodes.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([id, { kind, iri }]) => {
      const colours = palette[kind];
      const shape = kind === 'drug' ? 'shape=ellipse, penwidth=0' : `shape=box, style="rounded,filled", color=${dotString(colours.border)}`;
      return `${dotString(id)} [id=${dotString(id)}, label=${dotString(wrap(graph.label(iri), 24))}, ${shape}, fillcolor=${dotString(colours.fill)}, fontcolor=${dotString(colours.font)}, href=${dotString(relativeHref(page, entityPage(iri)))}, tooltip=${dotString(graph.label(iri))}];`;
    });
  const rank = (kind: 'target' | 'system') => {
    const ids = [...nodes.entries()].filter(([, n]) => n.kind === kind).map(([id]) => dotString(id)).sort(compareCodeUnits);
    return ids.length ? `{ rank=same; ${ids.join('; ')}; }` : '';
  };
  const dot = [
    'digraph mechanisms {',
    '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.18, ranksep=1.0, fontname="Helvetica,Arial,sans-serif"];',
    '  node [style=filled, fontname="Helvetica,Arial,sans-serif", fontsize=12, margin="0.15,0.06"];',
    '  edge [fontname="Helvetica,Arial,sans-serif", fontsize=10, fontcolor="#333333", arrowsize=0.8];',
    ...nodeLines.map((l) => `  ${l}`),
    `  ${rank('target')}`,
    `  ${rank('system')}`,
    ...[...edges.values()].map((l) => `  ${l}`),
    '}',
  ].join('\n');

  viz ??= instance();
  const rendered = (await viz).renderString(dot, { format: 'svg' });
  const title = `How ${drugLabel} acts: its mechanisms, from the drug to its targets and the systems they act in`;
  return new Html(inlineSvg(rendered, title, sentences.join(' ')));
}

/** The properties the diagram reads of each mechanism, in the order it destructures them. */
const qualityProperties = [prop.target, prop.directness, prop.strength, prop.certainty, prop.actionType];

/** Graphviz's SVG fit to inline: no prolog or comments, and role="img" named by our <title> and <desc>, not the graph's. */
function inlineSvg(svg: string, title: string, description: string): string {
  const start = svg.indexOf('<svg');
  if (start < 0) throw new Error('Graphviz returned no <svg> element');
  // Graphviz writes every hyphen as `&#45;` (ids and text alike); a plain `-` means the same and reads better.
  let body = svg.slice(start).replace(/<!--[\s\S]*?-->\n?/g, '').replace(/&#45;/g, '-').trim();
  body = body.replace(/^<svg\b([^>]*)>/, (_tag, attributes: string) => {
    const kept = attributes.replace(/\s+/g, ' ').trim();
    return `<svg ${kept} class="diagram" role="img" aria-labelledby="diagram-title" aria-describedby="diagram-desc">\n<title id="diagram-title">${escapeHtml(title)}</title>\n<desc id="diagram-desc">${escapeHtml(description)}</desc>`;
  });
  return body.replace(/(<g id="graph0" class="graph"[^>]*>)\s*<title>[^<]*<\/title>/, '$1');
}

/** A DOT quoted string. Backslashes are doubled so no `\n`, `\l` or `\N` in data acts as an escape, and `&`
 * becomes `&amp;` because Graphviz reads entities in labels. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/&/g, '&amp;').replace(/\r?\n|\r|\u2028|\u2029/g, ' ').replace(/\u0000/g, '\\n')}"`;
}

/** A label wrapped at word boundaries, the breaks marked with U+0000 for dotString to write as DOT's `\n`. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\u0000');
}

/** "Ketamine causes bronchodilation" → "causes bronchodilation": the drug is already the edge's start. */
function withoutSubject(label: string, drugLabel: string): string {
  return label.toLowerCase().startsWith(`${drugLabel.toLowerCase()} `) ? label.slice(drugLabel.length + 1) : label;
}

/** A node or edge id from an entity IRI: `target-nmda-receptor`. */
function nodeId(iri: string): string {
  const ref = entityRef(iri);
  return ref ? `${ref.kind}-${ref.id}` : iri.replace(/[^a-zA-Z0-9]+/g, '-');
}

/** The diagram's key in HTML, drawn with the same strokes and colours as the diagram and named by the vocabulary. */
export function diagramLegend(view: PageView): Html {
  const { graph } = view;
  const ink = edgeStyle.colour[termIri('certainty', 'established')] ?? '#1d3f72';
  const line = (options: { dashed?: boolean; width?: number; colour?: string }) =>
    new Html(`<svg class="key" width="48" height="12" viewBox="0 0 48 12" aria-hidden="true" focusable="false"><line x1="2" y1="6" x2="46" y2="6" stroke="${options.colour ?? ink}" stroke-width="${options.width ?? edgeStyle.unknownPenwidth}"${options.dashed ? ' stroke-dasharray="5,2"' : ''}/></svg>`);
  const item = (key: Html, text: string) => html`<li>${key} ${text}</li>
`;
  return html`<ul class="legend">
${Object.entries(edgeStyle.directness).map(([iri, style]) => item(line({ dashed: style === 'dashed' }), graph.label(iri)))}${Object.entries(edgeStyle.penwidth).map(([iri, width]) => item(line({ width }), graph.label(iri)))}${item(line({}), 'strength not recorded')}${Object.entries(edgeStyle.colour).map(([iri, colour]) => item(line({ colour, width: 2.5 }), graph.label(iri)))}${item(line({ colour: edgeStyle.targetToSystem, width: 1 }), 'target acts in system')}</ul>
<p>Solid: the drug binds the target; dashed: an effect downstream of other actions. The thicker the line, the stronger the interaction; the darker, the more certain the claim. Each coloured edge is one mechanism: click it, or a node, for its page. A mechanism without a single target goes from the drug straight to its systems.</p>`;
}
