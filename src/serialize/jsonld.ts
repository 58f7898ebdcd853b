// **jsonld** writes a graph as compacted JSON-LD, one node object per subject sorted by @id, context inlined;
// compacted straight from the triples (the context is ours): ten times faster than expand / compact.
import type { Quad, Term } from '@rdfjs/types';
import { jsonLdContext, type TermDefinition } from '../generate/context.js';
import type { ModelDescription } from '../model/description.js';
import { pharmald } from '../model/pharmald.js';
import { rdf } from '../vocab.js';
import { canonicalQuads } from './canonical.js';

export type JsonLdDocument = { '@context': unknown; '@graph': Record<string, unknown>[] };
type JsonValue = string | Record<string, string>;

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** How the context names IRIs: terms by IRI, and the prefixes that compact IRIs may use. */
class Compactor {
  readonly #terms = new Map<string, { name: string; definition: TermDefinition }>();
  readonly #prefixes: [string, string][] = [];

  constructor(context: Record<string, TermDefinition>) {
    for (const [name, definition] of Object.entries(context)) {
      if (name.startsWith('@') || definition === '@id' || definition === '@type') continue;
      const iri = typeof definition === 'string' ? definition : definition['@id'];
      if (!this.#terms.has(iri)) this.#terms.set(iri, { name, definition });
      if (typeof definition === 'string' && /[/#:]$/.test(definition)) this.#prefixes.push([name, definition]);
    }
  }

  /** An IRI as a term (for properties, types and @vocab values), else as a compact IRI, else whole. */
  term(iri: string): string {
    return this.#terms.get(iri)?.name ?? this.prefixed(iri);
  }

  /** An IRI as a compact IRI where a prefix fits (as JSON-LD compacts @id values), else whole. */
  prefixed(iri: string): string {
    let best: string | undefined;
    for (const [name, namespace] of this.#prefixes) {
      if (!iri.startsWith(namespace) || iri.length === namespace.length) continue;
      const candidate = `${name}:${iri.slice(namespace.length)}`;
      if (candidate.slice(name.length + 1).startsWith('//')) continue;
      if (best === undefined || candidate.length < best.length || (candidate.length === best.length && candidate < best)) best = candidate;
    }
    return best ?? iri;
  }

  definitionOf(iri: string): TermDefinition | undefined {
    return this.#terms.get(iri)?.definition;
  }
}

/** The key and the JSON value of one triple's object, honouring the term's coercion where it applies. */
function entry(compactor: Compactor, predicate: string, object: Term): [string, JsonValue] {
  const definition = compactor.definitionOf(predicate);
  const coercion = typeof definition === 'object' ? definition : undefined;
  const node = object.termType === 'NamedNode' || object.termType === 'BlankNode';
  const id = object.termType === 'BlankNode' ? `_:${object.value}` : object.value;
  if (coercion && node) {
    if (coercion['@type'] === '@id') return [compactor.term(predicate), compactor.prefixed(id)];
    if (coercion['@type'] === '@vocab') return [compactor.term(predicate), compactor.term(id)];
  }
  if (coercion && object.termType === 'Literal' && !coercion['@type']?.startsWith('@')) {
    const language = object.language || undefined;
    const datatype = language ? undefined : object.datatype.value;
    const matches = coercion['@language'] !== undefined
      ? language === coercion['@language']
      : coercion['@type'] !== undefined
        ? datatype === coercion['@type']
        : datatype === XSD_STRING;
    if (matches) return [compactor.term(predicate), object.value];
  }
  // No term fits the value: the property by its compact IRI, the value spelled out in full.
  const key = definition === undefined ? compactor.term(predicate) : compactor.prefixed(predicate);
  if (node) return [key, { '@id': compactor.prefixed(id) }];
  if (object.termType !== 'Literal') throw new Error(`cannot write a ${object.termType} in JSON-LD`);
  if (object.language) return [key, { '@value': object.value, '@language': object.language }];
  if (object.datatype.value !== XSD_STRING) return [key, { '@value': object.value, '@type': compactor.prefixed(object.datatype.value) }];
  return [key, definition === undefined ? object.value : { '@value': object.value }];
}

/** Each description's context and its lookups, made once for it, not once a page. */
const compactors = new WeakMap<ModelDescription, { context: Record<string, TermDefinition>; compactor: Compactor }>();

function compactorOf(description: ModelDescription): { context: Record<string, TermDefinition>; compactor: Compactor } {
  let known = compactors.get(description);
  if (!known) {
    const context = jsonLdContext(description)['@context'];
    compactors.set(description, (known = { context, compactor: new Compactor(context) }));
  }
  return known;
}

/** Any quads as a compacted JSON-LD document object, put in canonical order first. */
export function toJsonLdDocument(quads: Iterable<Quad>, description: ModelDescription = pharmald): JsonLdDocument {
  return canonicalJsonLdDocument(canonicalQuads(quads), description);
}

/** Quads already in canonical order (see canonical.ts) as a JSON-LD document compacted with the description's context. */
export function canonicalJsonLdDocument(quads: readonly Quad[], description: ModelDescription = pharmald): JsonLdDocument {
  const { context, compactor } = compactorOf(description);
  const nodes = new Map<string, Map<string, JsonValue[]>>();
  for (const quad of quads) {
    const subject = quad.subject.termType === 'BlankNode' ? `_:${quad.subject.value}` : quad.subject.value;
    let properties = nodes.get(subject);
    if (!properties) nodes.set(subject, (properties = new Map()));
    const [key, value] = quad.predicate.value === rdf.type && quad.object.termType === 'NamedNode'
      ? ['type', compactor.term(quad.object.value)]
      : entry(compactor, quad.predicate.value, quad.object);
    if (!properties.has(key)) properties.set(key, []);
    properties.get(key)!.push(value);
  }
  const graph = [...nodes].map(([subject, properties]) => {
    const node: Record<string, unknown> = { id: compactor.prefixed(subject) };
    for (const key of [...properties.keys()].sort(compareKeys)) {
      const values = properties.get(key)!;
      node[key] = values.length === 1 ? values[0] : values;
    }
    return node;
  });
  graph.sort((a, b) => compareKeys(String(a['id']), String(b['id'])));
  return { '@context': context, '@graph': graph };
}

/** Any quads as JSON-LD text. */
export async function toJsonLd(quads: Iterable<Quad>, description: ModelDescription = pharmald): Promise<string> {
  return canonicalJsonLd(canonicalQuads(quads), description);
}

/** Quads already in canonical order as JSON-LD text. */
export function canonicalJsonLd(quads: readonly Quad[], description: ModelDescription = pharmald): string {
  return `${JSON.stringify(canonicalJsonLdDocument(quads, description), null, 2)}\n`;
}

/** `type` first (as JSON-LD's @type), then the other keys in code-point order. */
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'type') return -1;
  if (b === 'type') return 1;
  return a < b ? -1 : 1;
}
