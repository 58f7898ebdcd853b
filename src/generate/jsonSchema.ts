// **jsonSchema** generates the JSON Schema of a data file from the model description, for editors
// (yaml-language-server, VS Code): draft-07, one definition per entity, every field with its documentation,
// the closed lists of codes for completion, and the rules on fields as if/then.
import { schemes } from '../identifiers.js';
import type { EntityDescription, Field, ModelDescription, TextRule } from '../model/description.js';
import { codesOf, fieldRules, isList, isOptional, sectionsOf, typeNames, type FieldCondition } from './entities.js';

type Schema = Record<string, unknown>;

/** The JSON Schema (draft-07) of one data file. */
export function dataFileJsonSchema(description: ModelDescription): Schema {
  const names = typeNames(description);
  const ref = (entity: string) => ({ $ref: `#/definitions/${names.get(entity) ?? entity}` });
  const id = { type: 'string', pattern: description.idRule.pattern };
  const text = { type: 'string', allOf: description.textRules.filter(portable).map((rule) => ({ pattern: rule.pattern })) };

  const valueSchema = (field: Field): Schema | undefined => {
    switch (field.kind) {
      case 'id': return field.scheme ? identifier(field.scheme) : id;
      case 'text': return text;
      case 'string':
        if (field.values) return { type: 'string', enum: field.values };
        return field.rule ? { type: 'string', pattern: field.rule.pattern } : { type: 'string' };
      case 'integer': return { type: 'integer', ...(field.min === undefined ? {} : { minimum: field.min }), ...(field.max === undefined ? {} : { maximum: field.max }) };
      case 'decimal': return field.positive ? { type: 'number', exclusiveMinimum: 0 } : { type: 'number' };
      case 'code': return { type: 'string', enum: codesOf(description, field.vocabulary) };
      case 'ref': return id;
      case 'identifier': return identifier(field.scheme);
      case 'group': return objectSchema(field.fields);
      case 'part': return ref(field.entity);
      case 'derived': return undefined;
    }
  };

  const fieldSchema = (field: Field): Schema | undefined => {
    const value = valueSchema(field);
    if (value === undefined) return undefined;
    if (isList(field) && field.kind !== 'id') {
      const minItems = field.cardinality === 'some' || field.nonEmpty ? { minItems: 1 } : {};
      return { description: field.doc, type: 'array', items: value, ...minItems };
    }
    // In draft-07 a $ref hides the keywords beside it: the documentation goes around it.
    return '$ref' in value ? { description: field.doc, allOf: [value] } : { description: field.doc, ...value };
  };

  const objectSchema = (fields: Readonly<Record<string, Field>>, rules: Schema[] = []): Schema => {
    const properties = Object.entries(fields).flatMap(([name, field]) => {
      const schema = fieldSchema(field);
      return schema ? [[name, schema] as const] : [];
    });
    const required = properties.filter(([name]) => !isOptional(fields[name]!)).map(([name]) => name);
    return {
      type: 'object',
      properties: Object.fromEntries(properties),
      ...(required.length ? { required } : {}),
      additionalProperties: false,
      ...(rules.length ? { allOf: rules } : {}),
    };
  };

  const entitySchema = (entity: EntityDescription): Schema =>
    ({ description: entity.doc, ...objectSchema(entity.fields, ruleSchemas(entity)) });

  const sections = sectionsOf(description).map(({ section, entity, description: e }) =>
    [section, { description: `The ${e.label} entities of the file`, type: 'array', items: ref(entity) }] as const);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    // The schema is published beside the vocabulary: …/pharmald/vocab → …/pharmald/schema/data.schema.json.
    $id: new URL('schema/data.schema.json', description.ontology.iri).href,
    title: description.ontology.title.replace(/( vocabulary)?$/, ' data file'),
    description: 'One data file: any of the sections, each a list',
    type: 'object',
    properties: Object.fromEntries(sections),
    additionalProperties: false,
    definitions: Object.fromEntries(Object.entries(description.entities).map(([key, entity]) => [names.get(key)!, entitySchema(entity)])),
  };
}

/** A scheme's pattern, as it is: the DOI's class of surrogates, read without Unicode mode, refuses every
 * character outside the BMP, which no real DOI has. */
function identifier(scheme: keyof typeof schemes): Schema {
  const { pattern, example } = schemes[scheme];
  return { type: 'string', pattern: pattern.source, examples: [example] };
}

/**
 * Whether a text rule reads the same in every ECMA-262 dialect a JSON Schema tool may use. A class of
 * surrogate code units (`[^\uD800-\uDFFF]`) matches only unpaired surrogates in Unicode mode, but every
 * character outside the BMP without it; such a rule is left to the loader, which checks it anyway.
 */
export function portable(rule: TextRule): boolean {
  return !/\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\[pP]\{|\\u\{/.test(rule.pattern);
}

/** The entity's rules on fields, as if/then. */
function ruleSchemas(entity: EntityDescription): Schema[] {
  return fieldRules(entity).map((rule) => ({ description: rule.message, if: conditionSchema(rule.when), then: conditionSchema(rule.then) }));
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
  return condition.is === 'present' ? { required: [name] } : { not: { required: [name] } };
}
