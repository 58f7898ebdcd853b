// **zod** generates the run-time schema of one data file from the model description: each entity a strict
// object of its fields, each field checked as its kind says, and the description's rules on fields as
// refinements, so the loader checks the YAML against exactly the model the graph is made from.
import { z } from 'zod';
import { schemes } from '../identifiers.js';
import type { Entity, EntityDescription, Field, ModelDescription, TextRule } from '../model/description.js';
import { codesOf, fieldRules, holds, isList, isOptional, sectionsOf, typeNames } from './entities.js';

/** What a data file holds once checked: section → its entities. */
export type CheckedDataFile = Readonly<Record<string, readonly Entity[] | undefined>>;

/** The zod schema of one data file: a strict object whose keys are the sections, each a list of its entity. */
export function dataFileSchema(description: ModelDescription): z.ZodType<CheckedDataFile> {
  const entities = new Map<string, z.ZodType>();
  const names = typeNames(description);
  const pattern = (rule: TextRule) => new RegExp(rule.pattern, 'u');
  const id = z.string().regex(pattern(description.idRule), { error: description.idRule.message });
  const text = description.textRules.reduce((schema, rule) => schema.regex(pattern(rule), { error: rule.message }), z.string());

  const identifier = (scheme: keyof typeof schemes) => {
    const { name, pattern: regex, example } = schemes[scheme];
    return z.string().regex(regex, { error: `is not a ${name} identifier (e.g. ${example})` }).meta({ examples: [example] });
  };

  /** One value of a field, before its cardinality. */
  const valueSchema = (field: Field): z.ZodType | undefined => {
    switch (field.kind) {
      case 'id': return field.scheme ? identifier(field.scheme) : id;
      case 'text': return text;
      case 'string':
        if (field.values) return z.enum(field.values);
        return field.rule ? z.string().regex(pattern(field.rule), { error: field.rule.message }) : z.string();
      case 'integer': {
        let schema = z.int();
        if (field.min !== undefined) schema = schema.min(field.min);
        if (field.max !== undefined) schema = schema.max(field.max);
        return schema;
      }
      case 'decimal': return field.positive ? z.number().positive() : z.number();
      case 'code': return z.enum(codesOf(description, field.vocabulary));
      case 'ref': return id;
      case 'identifier': return identifier(field.scheme);
      case 'group': return z.strictObject(fieldsSchema(field.fields));
      case 'part': return entitySchema(field.entity);
      case 'derived': return undefined;
    }
  };

  const fieldsSchema = (fields: Readonly<Record<string, Field>>): Record<string, z.ZodType> =>
    Object.fromEntries(Object.entries(fields).flatMap(([name, field]) => {
      const value = valueSchema(field);
      return value ? [[name, withCardinality(field, value).describe(field.doc)]] : [];
    }));

  const entitySchema = (key: string): z.ZodType => {
    const known = entities.get(key);
    if (known) return known;
    const entity = description.entities[key];
    if (!entity) throw new Error(`the model has no entity "${key}"`);
    // Parts may nest: the schema is looked up lazily, so an entity can be part of itself.
    entities.set(key, z.lazy(() => built));
    const built = withRules(entity, z.strictObject(fieldsSchema(entity.fields))).meta({ id: names.get(key)!, description: entity.doc });
    entities.set(key, built);
    return built;
  };

  const sections = Object.fromEntries(sectionsOf(description).map(({ section, entity, description: e }) =>
    [section, z.array(entitySchema(entity)).optional().describe(`The ${e.label} entities of the file`)]));
  return z.strictObject(sections).describe('One data file: any of the sections, each a list') as unknown as z.ZodType<CheckedDataFile>;
}

/** A list where the field takes several values (non-empty where it must be), optional where YAML may leave it out. */
function withCardinality(field: Field, value: z.ZodType): z.ZodType {
  const nonEmpty = field.kind !== 'id' && (field.cardinality === 'some' || field.nonEmpty);
  const values = isList(field) ? (nonEmpty ? z.array(value).min(1) : z.array(value)) : value;
  return isOptional(field) ? values.optional() : values;
}

/** The entity's rules on fields, each an issue at the field its `then` names. */
function withRules(entity: EntityDescription, schema: z.ZodType): z.ZodType {
  const rules = fieldRules(entity);
  if (rules.length === 0) return schema;
  return schema.superRefine((value, context) => {
    for (const rule of rules) {
      if (holds(rule.when, value) && !holds(rule.then, value)) {
        context.addIssue({ code: 'custom', path: rule.then.field.split('.'), message: sentenceInMessage(rule.message) });
      }
    }
  });
}

/** A rule's message as the end of a diagnostic (`… field target: a direct mechanism needs a target`). */
export function sentenceInMessage(message: string): string {
  // Rule messages are sentences (`A direct mechanism needs a target`); after the field they read on in lower
  // case. An opening acronym (`ATC`, `pKi`) is left as it is.
  return /^[A-Z][a-z ]/.test(message) ? message[0]!.toLowerCase() + message.slice(1) : message;
}
