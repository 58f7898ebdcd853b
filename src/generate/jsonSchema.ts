// **jsonSchema** is the JSON Schema of a data file for editors (yaml-language-server, VS Code): zod's own
// draft-07 rendering of the generated zod schema (one definition per entity, fields with their documentation,
// codes as enums), with the patterns every dialect reads alike and the rules on fields as if/then.
import { z } from 'zod';
import type { ModelDescription } from '../model/description.js';
import { fieldRules, typeNames, type FieldCondition } from './entities.js';
import { dataFileSchema } from './zod.js';

type Schema = Record<string, unknown>;

/** The JSON Schema (draft-07) of one data file. */
export function dataFileJsonSchema(description: ModelDescription): Schema {
  const { $schema, definitions, ...file } = portableOnly(z.toJSONSchema(dataFileSchema(description), { target: 'draft-7' })) as Schema;
  const defined = definitions as Record<string, Schema>;
  const entities = [...typeNames(description)].map(([key, name]) => {
    const rules = fieldRules(description.entities[key]!)
      .map((rule) => ({ description: rule.message, if: conditionSchema(rule.when), then: conditionSchema(rule.then) }));
    return [name, rules.length ? { ...defined[name], allOf: rules } : defined[name]] as const;
  });
  return {
    $schema,
    // The schema is published beside the vocabulary: …/pharmald/vocab → …/pharmald/schema/data.schema.json.
    $id: new URL('schema/data.schema.json', description.ontology.iri).href,
    title: description.ontology.title.replace(/( vocabulary)?$/, ' data file'),
    ...file,
    definitions: Object.fromEntries(entities),
  };
}

/**
 * The schema without the text rules' patterns that do not read the same in every ECMA-262 dialect a JSON Schema
 * tool may use: a class of surrogate code units (`[^\uD800-\uDFFF]`) matches only unpaired surrogates in Unicode
 * mode, but every character outside the BMP without it; the loader checks such a rule anyway.
 */
function portableOnly(schema: unknown): unknown {
  const portable = (s: Schema) => !/\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\[pP]\{|\\u\{/.test(String(s?.['pattern'] ?? ''));
  // zod repeats the string's type in each of its patterns (`allOf: [{ type, pattern }]`): the pattern alone says it.
  const pattern = (s: unknown) => (typeof s === 'object' && s && 'pattern' in s ? { pattern: s.pattern } : s);
  if (Array.isArray(schema)) return schema.filter(portable).map(pattern).map(portableOnly);
  if (schema === null || typeof schema !== 'object') return schema;
  // The description first, where a reader of the file looks for it.
  const isDoc = ([key, value]: [string, unknown]) => Number(key === 'description' && typeof value === 'string');
  const entries = Object.entries(schema).sort((a, b) => isDoc(b) - isDoc(a));
  return Object.fromEntries(entries.map(([key, value]) => [key, portableOnly(value)]));
}

function conditionSchema(condition: FieldCondition): Schema {
  const [name, ...rest] = condition.field.split('.') as [string, ...string[]];
  if (rest.length > 0) {
    const inner = conditionSchema({ ...condition, field: rest.join('.') });
    return 'is' in condition && condition.is === 'absent'
      ? { anyOf: [{ not: { required: [name] } }, { properties: { [name]: inner } }] }
      : { required: [name], properties: { [name]: inner } };
  }
  if ('in' in condition) return { required: [name], properties: { [name]: { enum: condition.in } } };
  if ('from' in condition) return { required: [name], properties: { [name]: { minimum: condition.from, maximum: condition.to } } };
  return condition.is === 'present' ? { required: [name] } : { not: { required: [name] } };
}
