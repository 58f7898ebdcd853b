// **report** maps SHACL results back to the YAML field that produced them (`data/FILE.yaml:LINE:COL: …`).
import type { Term } from '@rdfjs/types';
import type { Diagnostic } from '../errors.js';
import { fieldsOfPredicate } from '../generate/fields.js';
import { pharmald } from '../model/pharmald.js';
import type { Origin, SourceFiles } from '../model/source.js';
import { prefixes } from '../vocab.js';
import type { ValidationResult } from './validate.js';

const shapePrefixes: Record<string, string> = { ...prefixes, pldsh: 'https://w3id.org/pharmald/shapes#' };

export function resultsToDiagnostics(
  results: readonly ValidationResult[],
  origins: ReadonlyMap<string, Origin>,
  sources: SourceFiles,
  /** Predicate → YAML fields (src/generate/fields.ts), for a description other than pharmald's. */
  fieldsOf: Readonly<Record<string, readonly string[]>> = fieldsOfPredicate(pharmald),
): Diagnostic[] {
  return results.map((result) => {
    const origin = origins.get(result.focusNode.value);
    const fields = result.path ? fieldsOf[result.path.value] ?? [] : [];
    const position = origin ? sources.locateField(origin, fields) : undefined;
    const where = [compact(result.shape), compact(result.path)].filter(Boolean).join(', ');
    return {
      position,
      severity: result.severity,
      message: `${result.message} (${where || compact(result.focusNode)})${origin ? '' : ` at ${compact(result.focusNode)}`}`,
    };
  });
}

/** A term in prefixed form where a project prefix fits, for short messages. */
export function compact(term: Term | null): string {
  if (!term) return '';
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType !== 'NamedNode') return JSON.stringify(term.value);
  for (const [prefix, namespace] of Object.entries(shapePrefixes)) {
    if (term.value.startsWith(namespace) && /^[\w-]*$/.test(term.value.slice(namespace.length))) {
      return `${prefix}:${term.value.slice(namespace.length)}`;
    }
  }
  return `<${term.value}>`;
}
