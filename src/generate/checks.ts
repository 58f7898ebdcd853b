// **checks** generates, from the model description, the rules that span entities and files and so cannot be
// checked on one data file: ids unique per kind, references that resolve, references that may not name
// their own entity, values that fall back to the owner's, and parts of one owner unique by their IRI key.
import type { Diagnostic } from '../errors.js';
import type { DeriveContext, Entity, EntityDescription, Field, ModelDescription } from '../model/description.js';
import { plural } from '../model/kinds.js';
import type { LoadedModel } from '../model/model.js';
import { formatPath, type Origin, type YamlPath } from '../model/source.js';
import { idFieldOf, isEntity, isList, kindName, once, referencingIndex, sectionsOf, valuesOf } from './entities.js';

/** The top-level entity a finding is reported on, and how messages name it (`mechanism "ketamine-x"`). */
interface Reported {
  readonly entity: Entity;
  readonly name: string;
}

/** The entity whose field holds a part: its values and its description. */
interface Owner {
  readonly values: Entity;
  readonly description: EntityDescription;
}

/** Every cross-entity problem of a model whose files each passed the schema, as diagnostics. */
export function checkModel(description: ModelDescription, { model, origins, sources }: LoadedModel): Diagnostic[] {
  const data = model as unknown as Readonly<Record<string, readonly Entity[] | undefined>>;
  const diagnostics: Diagnostic[] = [];
  const referencing = referencingIndex(description, data);

  const report = (on: Reported, fieldPath: YamlPath, message: string) => {
    const origin = origins.get(on.entity)!;
    diagnostics.push({
      position: sources.locate({ file: origin.file, path: [...origin.path, ...fieldPath] }),
      severity: 'error',
      message: `${on.name}${fieldPath.length ? ` field ${formatPath(fieldPath)}` : ''}: ${message}`,
    });
  };

  // Ids: unique within their kind, across all files; the first definition (in file order) is the one.
  const ids = new Map<string, Map<string, Entity>>();
  const tops: { entity: EntityDescription; on: Reported }[] = [];
  for (const { section, entity, description: e } of sectionsOf(description)) {
    const idField = idFieldOf(e) ?? 'id';
    const kind = kindName(description, entity);
    const known = new Map<string, Entity>();
    const first = new Map<string, Origin>();
    ids.set(entity, known);
    for (const item of data[section] ?? []) {
      const id = String(item[idField]);
      const on = { entity: item, name: `${kind} "${id}"` };
      tops.push({ entity: e, on });
      const previous = first.get(id);
      if (previous) {
        const where = sources.locate({ file: previous.file, path: [...previous.path, idField] });
        report(on, [idField], `duplicate ${kind} id "${id}", first defined at ${where.file}:${where.line}:${where.col}`);
      } else {
        first.set(id, origins.get(item)!);
        known.set(id, item);
      }
    }
  }

  /** Checks one entity (top-level, or a part of `owner`) whose values are at `at` below the reported entity. */
  const checkEntity = (entity: EntityDescription, values: Entity, owner: Owner | undefined, on: Reported, at: YamlPath) => {
    const context: DeriveContext = { owner: owner?.values, referencing };
    const self = values[idFieldOf(entity) ?? ''];
    const checkFields = (fields: Readonly<Record<string, Field>>, group: Entity, path: YamlPath) => {
      for (const [name, field] of checkedFields(fields)) {
        const value = group[name];
        if (value === undefined && !(field.kind === 'ref' && field.fallback)) continue;
        // Paths are made only for what is reported: most entities have nothing to report.
        const item = (i: number): YamlPath => (isList(field) ? [...path, name, i] : [...path, name]);
        if (field.kind === 'group' && isEntity(value)) checkFields(field.fields, value, [...path, name]);
        if (field.kind === 'part') checkParts(field, valuesOf(value).filter(isEntity), { values, description: entity }, on, item);
        if (field.kind !== 'ref') continue;
        const known = ids.get(field.entity);
        const among = field.among && listed(field.among, entity, values, owner);
        const within = field.within && owner && allowedWithin(field.within, field.entity, owner);
        valuesOf(value).forEach((id, i) => {
          if (known && !known.has(String(id))) report(on, item(i), `no ${kindName(description, field.entity)} has id "${String(id)}"`);
          else if (among && !among.values.includes(id)) {
            const them = among.values.length ? `, or name one it lists (${among.values.join(', ')})` : ' (it lists none yet)';
            report(on, item(i), `${among.holder} does not list "${String(id)}" in its ${among.field}: add it to that list${them}`);
          }
          else if (within && !within.values.includes(String(id))) {
            report(on, item(i), `the ${owner!.description.label}'s ${within.field} is "${within.named}": name it${within.values.length > 1 ? ` or one of its ${within.orIts} (${within.values.slice(1).join(', ')})` : ''}`);
          }
          if (field.notSelf && id === self) report(on, item(i), `${article(entity.label)} cannot name itself in ${name}`);
        });
        if (field.fallback && value === undefined && isRequired(field) && field.fallback(values, context) === undefined) {
          const from = owner ? `the ${owner.description.label} has none, so give one here` : 'give one here';
          report(on, at, `${article(entity.label)} needs ${article(name)}: ${from}`);
        }
      }
    };
    checkFields(entity.fields, values, at);
  };

  /** What a field with `among` may name: the values that the owner, or the entity named by `via`, lists. */
  const listed = (among: { field: string; via?: string }, entity: EntityDescription, values: Entity, owner: Owner | undefined) => {
    const { field } = among;
    if (among.via === undefined) return owner && { holder: `the ${owner.description.label}`, field, values: valuesOf(owner.values[field]) };
    const via = entity.fields[among.via];
    if (via?.kind !== 'ref') return undefined;
    const id = String(values[among.via]);
    const other = ids.get(via.entity)?.get(id);
    return other && { holder: `${kindName(description, via.entity)} "${id}"`, field, values: valuesOf(other[field]) };
  };

  /** What a field with `within` may name: the entity the owner's field names, and what that entity lists in `orIts`. */
  const allowedWithin = (within: { field: string; orIts?: string }, kind: string, owner: Owner) => {
    const named = owner.values[within.field];
    if (named === undefined) return undefined;
    const listed = within.orIts === undefined ? [] : valuesOf(ids.get(kind)?.get(String(named))?.[within.orIts]).map(String);
    return { field: within.field, orIts: within.orIts, named: String(named), values: [String(named), ...listed] };
  };

  /** Checks each part, and that no two parts of one owner have the same IRI key. */
  const checkParts = (field: Extract<Field, { kind: 'part' }>, parts: readonly Entity[], owner: Owner, on: Reported, item: (i: number) => YamlPath) => {
    const part = description.entities[field.entity]!;
    const context: DeriveContext = { owner: owner.values, referencing };
    const keys = new Set<string>();
    parts.forEach((values, i) => {
      checkEntity(part, values, owner, on, item(i));
      if (part.subject.kind !== 'part' || !keyable(part, values, context)) return;
      const key = part.subject.key(values, context);
      if (keys.has(key)) {
        // keyDoc says what the key is made of (`its process and dose level`); it is reported at its first field.
        const what = part.subject.keyDoc.replace(/^its /, '');
        const first = what.split(' ')[0]!;
        report(on, [...item(i), ...(first in part.fields && values[first] !== undefined ? [first] : [])], `two ${plural(part.label)} with the same ${what} "${key}": give one ${part.label} per ${what}`);
      }
      keys.add(key);
    });
  };

  for (const { entity, on } of tops) checkEntity(entity, on.entity, undefined, on, []);
  return diagnostics;
}

/** The fields the checks look at (groups, parts, refs), listed once per description of fields. */
const checkedFields = once((fields: Readonly<Record<string, Field>>) =>
  Object.entries(fields).filter(([, f]) => f.kind === 'group' || f.kind === 'part' || f.kind === 'ref'));

const isRequired = (field: Field) => field.kind === 'id' || field.cardinality === 'one' || field.cardinality === 'some';

/** Whether every field of a part that falls back to another value has one, so that its IRI key can be made. */
function keyable(part: EntityDescription, values: Entity, context: DeriveContext): boolean {
  return Object.entries(part.fields).every(([name, field]) =>
    field.kind !== 'ref' || !field.fallback || values[name] !== undefined || field.fallback(values, context) !== undefined);
}

const article = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
