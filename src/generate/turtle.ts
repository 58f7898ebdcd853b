// **turtle** writes a generated graph (the shapes, the ontology) as Turtle that reads like a hand-written file:
// subjects in the order the generator described them, `a` for rdf:type, a predicate's objects together, blank
// nodes that are the object of one triple nested as [ … ] and RDF lists as ( … ). The same quads always give
// the same text. (Datasets go through src/serialize/turtle.ts, which sorts.)
import type { Literal, Quad, Term } from '@rdfjs/types';
import { rdf, xsd } from '../vocab.js';

const WIDTH = 110;

/** Characters written as escapes, so that controls and invisible spaces show in the file (the value keeps them). */
const INVISIBLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/g;
const escapeChar = (c: string) => (c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

export function readableTurtle(quads: readonly Quad[], prefixes: Readonly<Record<string, string>>, header: readonly string[]): string {
  const about = new Map<string, Quad[]>();
  const subjects: Term[] = [];
  const references = new Map<string, number>();
  for (const quad of quads) {
    const key = keyOf(quad.subject);
    const own = about.get(key);
    if (own) own.push(quad);
    else {
      about.set(key, [quad]);
      subjects.push(quad.subject);
    }
    if (quad.object.termType === 'BlankNode') references.set(quad.object.value, (references.get(quad.object.value) ?? 0) + 1);
  }
  const used = new Set<string>();
  const nested = (term: Term) => term.termType === 'BlankNode' && references.get(term.value) === 1;

  const iri = (value: string): string => {
    let best: string | undefined;
    for (const [prefix, namespace] of Object.entries(prefixes)) {
      const local = value.slice(namespace.length);
      if (value.startsWith(namespace) && /^[\w]([\w.-]*[\w-])?$/.test(local) && (!best || namespace.length > prefixes[best]!.length)) best = prefix;
    }
    if (best === undefined) return `<${value}>`;
    used.add(best);
    return `${best}:${value.slice(prefixes[best]!.length)}`;
  };
  const literal = (l: Literal): string => {
    const datatype = l.datatype.value;
    if (l.language) return `${quoted(l.value)}@${l.language}`;
    if (datatype === xsd.integer && /^-?\d+$/.test(l.value)) return l.value;
    if (datatype === xsd.decimal && /^-?\d+\.\d+$/.test(l.value)) return l.value;
    return datatype === xsd.string ? quoted(l.value) : `${quoted(l.value)}^^${iri(datatype)}`;
  };
  /** The items of the list that starts at `head`, if it is a list of nested nodes. */
  const listItems = (head: Term): Term[] | undefined => {
    const items: Term[] = [];
    for (let node = head; node.value !== rdf.nil || node.termType !== 'NamedNode';) {
      const own = about.get(keyOf(node)) ?? [];
      const first = own.find((q) => q.predicate.value === rdf.first);
      const rest = own.find((q) => q.predicate.value === rdf.rest);
      if (!nested(node) || own.length !== 2 || !first || !rest) return undefined;
      items.push(first.object);
      node = rest.object;
    }
    return items;
  };
  const object = (term: Term, indent: string): string => {
    if (!nested(term)) return term.termType === 'Literal' ? literal(term) : term.termType === 'NamedNode' ? iri(term.value) : `_:${term.value}`;
    const items = listItems(term);
    if (items) {
      const texts = items.map((item) => object(item, `${indent}  `));
      return oneLine(texts, indent, Infinity) ? `( ${texts.join(' ')} )` : `(\n${texts.map((t) => `${indent}  ${t}`).join('\n')}\n${indent})`;
    }
    const lines = pairs(term, `${indent}  `);
    return oneLine(lines, indent, 4) ? `[ ${lines.join(' ; ')} ]` : `[\n${lines.map((l) => `${indent}  ${l}`).join(' ;\n')} ;\n${indent}]`;
  };
  /** The predicate-object lines of a subject, without indent. */
  const pairs = (subject: Term, indent: string): string[] => {
    const groups = new Map<string, Term[]>();
    for (const quad of about.get(keyOf(subject)) ?? []) {
      const objects = groups.get(quad.predicate.value) ?? [];
      groups.set(quad.predicate.value, [...objects, quad.object]);
    }
    return [...groups].flatMap(([predicate, objects]) => {
      const name = predicate === rdf.type ? 'a' : iri(predicate);
      const texts = objects.map((o) => object(o, indent));
      return texts.some((t) => t.includes('\n')) ? texts.map((t) => `${name} ${t}`) : [`${name} ${texts.join(', ')}`];
    });
  };

  const blocks = subjects.filter((s) => !nested(s)).map((s) => `${object(s, '')}\n${pairs(s, '  ').map((l) => `  ${l}`).join(' ;\n')} .`);
  const prefixLines = Object.entries(prefixes).filter(([p]) => used.has(p)).map(([p, ns]) => `@prefix ${p}: <${ns}> .`);
  return `${header.map((h) => `# ${h}`.trimEnd()).join('\n')}\n\n${prefixLines.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

const keyOf = (term: Term) => `${term.termType === 'BlankNode' ? '_:' : ''}${term.value}`;

/** Short parts without line breaks go on one line. */
const oneLine = (parts: readonly string[], indent: string, most: number) =>
  parts.length <= most && parts.every((p) => !p.includes('\n')) && indent.length + parts.join(' ; ').length + 4 <= WIDTH;

function quoted(value: string): string {
  const escaped = value.replace(/[\\"]/g, '\\$&').replace(INVISIBLE, escapeChar);
  return value.includes('\n') || value.includes('\r')
    ? `"""${escaped.replace(/\r/g, '\\r')}"""`
    : `"${escaped}"`;
}
