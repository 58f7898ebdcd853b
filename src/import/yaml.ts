// **yaml** writes entities as a data file in the plain block style that the fast loader reads (one entry a
// line; keys in the order given; lists of scalars in brackets): every string in double quotes, as JSON writes it,
// which YAML reads back as the same string, so no value can be mistaken for a number, a date or a boolean.
import type { Entity } from '../model/description.js';

type Value = string | number | boolean | readonly Value[] | Entity | undefined;

const scalar = (value: string | number | boolean): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** The lines of one mapping, each key at `indent`; undefined values and empty lists are left out. */
function mappingLines(entity: Entity, indent: string, lines: string[], first = indent): void {
  let prefix = first;
  for (const [key, value] of Object.entries(entity) as [string, Value][]) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (isScalar(value)) lines.push(`${prefix}${key}: ${scalar(value)}`);
    else if (Array.isArray(value) && value.every(isScalar)) lines.push(`${prefix}${key}: [${value.map(scalar).join(', ')}]`);
    else if (Array.isArray(value)) {
      lines.push(`${prefix}${key}:`);
      for (const item of value as readonly Entity[]) mappingLines(item, `${indent}    `, lines, `${indent}  - `);
    } else {
      lines.push(`${prefix}${key}:`);
      mappingLines(value as Entity, `${indent}  `, lines);
    }
    prefix = indent;
  }
}

/** A data file: a comment header, then each section's entities as a list. */
export function dataFile(header: readonly string[], sections: Readonly<Record<string, readonly Entity[]>>): string {
  const lines = header.map((line) => `# ${line}`.trimEnd());
  for (const [section, entities] of Object.entries(sections)) {
    if (entities.length === 0) continue;
    lines.push(`${section}:`);
    for (const entity of entities) mappingLines(entity, '    ', lines, '  - ');
  }
  return `${lines.join('\n')}\n`;
}
