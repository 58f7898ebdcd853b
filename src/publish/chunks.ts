// **chunks** cuts a graph into N-Triples request bodies. A store reads each request's blank-node labels afresh,
// so triples linked by blank nodes go in one chunk: the loaded graph is then isomorphic to the one sent.
import type { Quad } from '@rdfjs/types';
import { quadToNTriples } from '../serialize/ntriples.js';

export interface Chunk {
  /** N-Triples, one triple a line, each line ending in "\n". */
  readonly body: string;
  readonly triples: number;
}

export interface Chunking {
  readonly chunks: readonly Chunk[];
  /** Distinct triples over all chunks (a graph is a set: duplicates are sent once). */
  readonly triples: number;
}

/** Chunks of at most `size` triples (graphs flattened), blank-node components whole (a larger one alone). */
export function chunkTriples(quads: Iterable<Quad>, size: number): Chunking {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, not ${size}`);
  const lines = new Set<string>();
  // Union-find over blank-node labels: two labels on one triple belong together.
  const parent = new Map<string, string>();
  const find = (label: string): string => {
    let root = label;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = label; at !== root;) { const next = parent.get(at)!; parent.set(at, root); at = next; }
    return root;
  };
  const blankLines: { line: string; label: string }[] = [];
  for (const quad of quads) {
    const line = quadToNTriples(quad);
    if (lines.has(line)) continue;
    lines.add(line);
    const labels = [quad.subject, quad.object].filter((t) => t.termType === 'BlankNode').map((t) => t.value);
    if (labels.length === 0) continue;
    for (const label of labels) if (!parent.has(label)) parent.set(label, label);
    if (labels.length === 2) {
      const [a, b] = [find(labels[0]!), find(labels[1]!)];
      if (a !== b) parent.set(a, b);
    }
    blankLines.push({ line, label: labels[0]! });
  }
  const components = new Map<string, string[]>();
  for (const { line, label } of blankLines) {
    const root = find(label);
    let group = components.get(root);
    if (!group) components.set(root, (group = []));
    group.push(line);
  }
  const inComponent = new Set(blankLines.map((b) => b.line));
  // Whole components first (in order of first appearance), then the ground triples fill the rest.
  const units: string[][] = [...components.values()];
  for (const line of lines) if (!inComponent.has(line)) units.push([line]);

  const chunks: Chunk[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) chunks.push({ body: `${current.join('\n')}\n`, triples: current.length });
    current = [];
  };
  for (const unit of units) {
    if (current.length + unit.length > size) flush();
    for (const line of unit) current.push(line);
  }
  flush();
  return { chunks, triples: lines.size };
}
