// **rdfxml** writes a graph as RDF/XML (RDF 1.1 XML Syntax): one rdf:Description per subject, in the order
// given (canonical order gives the same bytes for the same graph), predicates as namespace + local name.
import type { Quad, Term } from '@rdfjs/types';
import { prefixes } from '../vocab.js';

/** A graph with no RDF/XML form (a predicate that ends in no XML name…): the server answers another type, or 406. */
export class RdfXmlRefused extends Error {
  override name = 'RdfXmlRefused';
}

const RDF = prefixes.rdf;
const XSD_STRING = `${prefixes.xsd}string`;
const LANG_STRING = `${RDF}langString`;

// XML Namespaces 1.0 NCName: XML 1.0 (5th ed.) NameStartChar / NameChar without ':'.
const START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const nameStart = new RegExp(`^[${START}]$`, 'u');
const nameChar = new RegExp(`^[${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]$`, 'u');
// Characters XML 1.0 cannot carry at all, not even as character references.
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
// rdf: names that are syntax, not properties (rdf:li would come back as rdf:_n).
const reserved = new Set(['RDF', 'ID', 'about', 'bagID', 'parseType', 'resource', 'nodeID', 'datatype', 'Description', 'aboutEach', 'aboutEachPrefix', 'li']);

const refuse = (why: string): never => {
  throw new RdfXmlRefused(`RDF/XML cannot write ${why}`);
};

/** An IRI as namespace + the longest NCName that ends it; undefined if it ends in no NCName. */
export function splitIri(iri: string): { namespace: string; local: string } | undefined {
  const chars = Array.from(iri);
  let start = chars.length;
  while (start > 0 && nameChar.test(chars[start - 1]!)) start--;
  while (start < chars.length && !nameStart.test(chars[start]!)) start++;
  if (start === chars.length) return undefined;
  return { namespace: chars.slice(0, start).join(''), local: chars.slice(start).join('') };
}

function checked(text: string): string {
  if (notXml.test(text)) refuse(`a character XML 1.0 cannot hold (in ${JSON.stringify(text.slice(0, 40))})`);
  return text;
}

const escapeText = (text: string) => checked(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
// Tabs and line ends are character references in attributes, which XML would otherwise turn into spaces.
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

/** Writes `quads` (their graph component ignored) as an RDF/XML document; throws if RDF/XML has no form for them. */
export function toRdfXml(quads: readonly Quad[]): string {
  const known = new Map<string, string>(Object.entries(prefixes).map(([prefix, namespace]) => [namespace, prefix]));
  const declared = new Map<string, string>([[RDF, 'rdf']]);
  const blankIds = new Map<string, string>();
  const nodeId = (term: Term) => {
    let id = blankIds.get(term.value);
    if (id === undefined) blankIds.set(term.value, (id = `b${blankIds.size}`));
    return id;
  };
  const qname = (iri: string): string => {
    const split = splitIri(iri) ?? refuse(`the predicate <${iri}>: it does not end in an XML name`);
    if (split.namespace === RDF && reserved.has(split.local)) refuse(`the predicate <${iri}>: rdf:${split.local} is RDF/XML syntax`);
    let prefix = declared.get(split.namespace);
    if (prefix === undefined) {
      const wanted = known.get(split.namespace);
      prefix = wanted !== undefined && wanted !== 'rdf' ? wanted : `ns${declared.size}`;
      declared.set(split.namespace, prefix);
    }
    return `${prefix}:${split.local}`;
  };
  const node = (term: Term, attribute: 'about' | 'resource') => {
    if (term.termType === 'NamedNode') return `rdf:${attribute}="${escapeAttribute(term.value)}"`;
    if (term.termType === 'BlankNode') return `rdf:nodeID="${nodeId(term)}"`;
    return refuse(`a ${term.termType} as a subject or object node`);
  };
  const property = (quad: Quad): string => {
    const name = qname(quad.predicate.value);
    const object = quad.object;
    if (object.termType !== 'Literal') return `    <${name} ${node(object, 'resource')}/>`;
    const value = escapeText(object.value);
    if (object.language) return `    <${name} xml:lang="${escapeAttribute(object.language)}">${value}</${name}>`;
    const datatype = object.datatype.value;
    if (datatype === XSD_STRING || datatype === LANG_STRING) return `    <${name}>${value}</${name}>`;
    return `    <${name} rdf:datatype="${escapeAttribute(datatype)}">${value}</${name}>`;
  };

  const body: string[] = [];
  for (let start = 0; start < quads.length;) {
    const subject = quads[start]!.subject;
    body.push(`  <rdf:Description ${node(subject, 'about')}>`);
    let end = start;
    for (; end < quads.length && quads[end]!.subject.equals(subject); end++) body.push(property(quads[end]!));
    body.push('  </rdf:Description>');
    start = end;
  }
  const namespaces = [...declared].map(([namespace, prefix]) => `\n    xmlns:${prefix}="${escapeAttribute(namespace)}"`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${namespaces}>\n${body.map((line) => `${line}\n`).join('')}</rdf:RDF>\n`;
}
