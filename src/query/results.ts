// **results** writes query solutions in the standard result formats, and as a table for people.
import type { Term } from '@rdfjs/types';
import { termToNTriples } from '../serialize/ntriples.js';
import { compact } from '../validate/report.js';
import type { QueryResult } from './answer.js';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** SPARQL 1.1 Query Results JSON (https://www.w3.org/TR/sparql11-results-json/). */
export function toSparqlJson(result: Exclude<QueryResult, { type: 'quads' }>): unknown {
  if (result.type === 'boolean') return { head: {}, boolean: result.value };
  return {
    head: { vars: result.variables },
    results: {
      bindings: result.rows.map((row) => Object.fromEntries(result.variables.filter((v) => row[v]).map((v) => [v, termToJson(row[v]!)]))),
    },
  };
}

function termToJson(term: Term): Record<string, string> {
  const { type, value, language, datatype } = describeTerm(term);
  return { type, value, ...(language ? { 'xml:lang': language } : datatype ? { datatype } : {}) };
}

/** A term as both result formats write it: uri, bnode or literal, with a language, else a datatype unless xsd:string. */
function describeTerm(term: Term): { type: string; value: string; language?: string; datatype?: string } {
  const { value } = term;
  if (term.termType === 'NamedNode') return { type: 'uri', value };
  if (term.termType === 'BlankNode') return { type: 'bnode', value };
  if (term.termType !== 'Literal' || term.datatype.value === XSD_STRING) return { type: 'literal', value };
  if (term.language) return { type: 'literal', value, language: term.language };
  return { type: 'literal', value, datatype: term.datatype.value };
}

/** SPARQL Query Results XML (https://www.w3.org/TR/rdf-sparql-XMLres/). */
export function toSparqlXml(result: Exclude<QueryResult, { type: 'quads' }>): string {
  const head = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n';
  if (result.type === 'boolean') return `${head}  <head/>\n  <boolean>${result.value}</boolean>\n</sparql>\n`;
  const vars = result.variables.map((v) => `    <variable name="${escapeXml(v)}"/>\n`).join('');
  const rows = result.rows.map((row) => {
    const cells = result.variables.filter((v) => row[v]).map((v) => `      <binding name="${escapeXml(v)}">${termToXml(row[v]!)}</binding>\n`).join('');
    return `    <result>\n${cells}    </result>\n`;
  }).join('');
  return `${head}  <head>\n${vars}  </head>\n  <results>\n${rows}  </results>\n</sparql>\n`;
}

function termToXml(term: Term): string {
  const { type, value, language, datatype } = describeTerm(term);
  const attribute = language ? ` xml:lang="${escapeXml(language)}"` : datatype ? ` datatype="${escapeXml(datatype)}"` : '';
  return `<${type}${attribute}>${escapeXml(value)}</${type}>`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** SPARQL 1.1 Query Results CSV: plain values, RFC 4180 quoting, CRLF line ends. */
export function toCsv(result: Exclude<QueryResult, { type: 'quads' }>): string {
  if (result.type === 'boolean') return `_askResult\r\n${result.value}\r\n`;
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const cell = (t: Term | undefined) => (t ? (t.termType === 'BlankNode' ? `_:${t.value}` : t.value) : '');
  const lines = [result.variables, ...result.rows.map((row) => result.variables.map((v) => cell(row[v])))];
  return `${lines.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** SPARQL 1.1 Query Results TSV: terms in SPARQL / N-Triples syntax, `?var` headers. */
export function toTsv(result: Exclude<QueryResult, { type: 'quads' }>): string {
  if (result.type === 'boolean') return `?_askResult\n${result.value}\n`;
  const cell = (t: Term | undefined) => (t ? termToNTriples(t).replace(/\t/g, '\\t') : '');
  const header = result.variables.map((v) => `?${v}`);
  const lines = [header, ...result.rows.map((row) => result.variables.map((v) => cell(row[v])))];
  return `${lines.map((cells) => cells.join('\t')).join('\n')}\n`;
}

/** An aligned text table for a terminal: IRIs shortened with the project's prefixes, literals bare. */
export function toTable(result: Exclude<QueryResult, { type: 'quads' }>): string {
  if (result.type === 'boolean') return `${result.value ? 'yes' : 'no'}\n`;
  const show = (term: Term | undefined) => (term === undefined ? '' : term.termType === 'Literal' ? term.value : compact(term));
  const header = result.variables;
  const body = result.rows.map((row) => header.map((v) => show(row[v]).replace(/\s+/g, ' ')));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => [...cells[i]!].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const count = `(${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'})`;
  return `${[line(header), rule, ...body.map(line), count].join('\n')}\n`;
}
