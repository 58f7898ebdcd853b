// **reconcile** makes one dataset of several data folders, the first given first (curated data, then imports):
// an entity of a later folder that an earlier one already has, by its external identifiers, is that entity.
// A drug with the same ChEMBL, DrugBank, ChEBI, UNII or DrugCentral id is one drug; a target with the same
// UniProt accessions (or a curated complex whose subunits are all among an imported target's) one target; a
// reference with the same PubMed ID or DOI one reference; a use, class or release with the same id the same one.
// Then a later mechanism of the same drug, target and action is the earlier one, with the later one's
// evidence and source records added: the earlier claim's nuance wins. A different action is a warning.
import type { Diagnostic, Position } from '../errors.js';
import type { Entity, EntityDescription, Field, ModelDescription } from './description.js';
import type { LoadedModel, Model } from './model.js';

type Sections = Map<string, Entity[]>;
type Renames = Map<string, Map<string, string>>;

export interface Folders {
  /** The index of the folder an entity came from (0 for the first --data). */
  readonly folderOf: (entity: Entity) => number;
  /** Where an entity is written, for messages. */
  readonly where: (entity: Entity) => Position | undefined;
  /** Records that `merged` stands where `original` was written. */
  readonly replaced: (original: Entity, merged: Entity) => void;
}

const drugKeys = ['drugcentral', 'chembl', 'drugbank', 'chebi', 'unii'] as const;
const sameById = ['clinical_uses', 'pharmacologic_classes', 'source_releases'];

const values = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);
const ids = (entities: readonly Entity[]) => entities.map((e) => String(e.id));
const at = (folders: Folders, entity: Entity) => {
  const p = folders.where(entity);
  return p ? `${p.file}:${p.line}` : String(entity.id);
};

/**
 * The loaded model with the later folders' entities merged into the earlier ones they are; `folderFiles` are the
 * files of each folder, in order, named as the model's origins name them.
 */
export function reconcileFolders(description: ModelDescription, loaded: LoadedModel, folderFiles: readonly (readonly string[])[]): LoadedModel {
  const folderOfFile = new Map(folderFiles.flatMap((files, i) => files.map((file) => [file, i] as const)));
  const origins = new Map(loaded.origins);
  const sections = new Map(Object.entries(loaded.model).map(([section, list]) => [section, [...(list as readonly Entity[])]]));
  const notes = reconcile(description, sections, {
    folderOf: (entity) => folderOfFile.get(origins.get(entity)?.file ?? '') ?? 0,
    where: (entity) => { const origin = origins.get(entity); return origin && loaded.sources.locate(origin); },
    replaced: (original, merged) => { const origin = origins.get(original); if (origin) origins.set(merged, origin); },
  });
  return { model: Object.fromEntries(sections) as unknown as Model, origins, sources: loaded.sources, notes };
}

/** Merges the entities of later folders into the earlier ones they are; returns what it did and any conflict. */
function reconcile(description: ModelDescription, sections: Sections, folders: Folders): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const info = (entity: Entity, message: string) => diagnostics.push({ position: folders.where(entity), severity: 'info', message });
  const warn = (entity: Entity, message: string) => diagnostics.push({ position: folders.where(entity), severity: 'warning', message });
  const renames: Renames = new Map();
  const rename = (entity: string, from: string, to: string) => (renames.get(entity) ?? renames.set(entity, new Map()).get(entity)!).set(from, to);
  const later = (entity: Entity) => folders.folderOf(entity) > 0;
  const merged = new Set<Entity>();
  /** An entity merged with another stands for it from then on: the newest merge of each. */
  const latest = new Map<Entity, Entity>();
  const current = (e: Entity): Entity => { let now = e; while (latest.has(now)) now = latest.get(now)!; return now; };
  const supersede = (original: Entity, replacement: Entity) => { latest.set(original, replacement); folders.replaced(original, replacement); };

  /** Drops the later entities that `match` finds earlier, renaming them to what they are. */
  const matchAll = (section: string, entity: string, index: (e: Entity) => string[], match: (e: Entity, earlier: Map<string, Entity[]>) => Entity | undefined) => {
    const earlier = new Map<string, Entity[]>();
    const kept: Entity[] = [];
    const list = sections.get(section) ?? [];
    for (const folder of [...new Set(list.map(folders.folderOf))].sort((a, b) => a - b)) {
      const inFolder = list.filter((e) => folders.folderOf(e) === folder);
      for (const e of inFolder) {
        const found = folder === 0 ? undefined : match(e, earlier);
        if (found) {
          rename(entity, String(e.id), String(found.id));
          merged.add(e);
        } else kept.push(e);
      }
      for (const e of inFolder) if (!merged.has(e)) for (const key of index(e)) (earlier.get(key) ?? earlier.set(key, []).get(key)!).push(e);
    }
    sections.set(section, kept.map(current));
  };
  const only = (e: Entity, candidates: readonly Entity[], what: string): Entity | undefined => {
    const distinct = [...new Set(candidates)];
    if (distinct.length > 1) warn(e, `${what} ${String(e.id)} matches ${ids(distinct).join(' and ')} by its identifiers: kept apart`);
    return distinct.length === 1 ? current(distinct[0]!) : undefined;
  };

  // Drugs, by their identifiers; the earlier drug takes the later one's indications, classes and uses.
  const drugKeysOf = (d: Entity) => drugKeys.flatMap((k) => values((d.identifiers as Entity | undefined)?.[k]).map((v) => `${k}:${v}`));
  matchAll('drugs', 'drug', drugKeysOf, (d, earlier) => {
    const found = only(d, drugKeysOf(d).flatMap((k) => earlier.get(k) ?? []), 'drug');
    if (!found) return undefined;
    const mine = (found.identifiers ?? {}) as Entity;
    const theirs = (d.identifiers ?? {}) as Entity;
    for (const k of ['chebi', 'unii', 'pubchem', 'drugcentral']) {
      if (mine[k] !== undefined && theirs[k] !== undefined && mine[k] !== theirs[k]) {
        warn(d, `drug ${String(d.id)} is ${String(found.id)} (${at(folders, found)}) but gives ${k} ${String(theirs[k])}, not ${String(mine[k])}: the earlier one is kept`);
      }
    }
    /** The earlier drug's list with the later one's items that it lacks (by `key` for parts). */
    const union = (field: string, key?: string) => {
      const keyOf = (v: unknown) => (key ? String((v as Entity)[key]) : String(v));
      const had = new Set(((found[field] ?? []) as unknown[]).map(keyOf));
      return [...((found[field] ?? []) as unknown[]), ...((d[field] ?? []) as unknown[]).filter((v) => !had.has(keyOf(v)))];
    };
    const combined = { ...found, uses: union('uses'), indications: union('indications', 'use'), classes: union('classes', 'class') };
    supersede(found, combined);
    info(d, `drug ${String(d.id)} is ${String(found.id)} (${at(folders, found)}), by its identifiers`);
    return combined;
  });

  // Targets, by their UniProt accessions.
  const targets = new Map(ids(sections.get('targets') ?? []).map((id, i) => [id, sections.get('targets')![i]!]));
  const accessionsOf = (t: Entity): string[] => {
    const own = values((t.identifiers as Entity | undefined)?.uniprot).concat(values(t.proteins));
    const fromSubunits = values(t.subunits).flatMap((s) => values((targets.get(s)?.identifiers as Entity | undefined)?.uniprot));
    return [...new Set(own.concat(fromSubunits))].sort();
  };
  matchAll('targets', 'target', (t) => (accessionsOf(t).length ? [accessionsOf(t).join(' ')] : []), (t, earlier) => {
    const mine = accessionsOf(t);
    const exact = earlier.get(mine.join(' '));
    if (exact?.length) return only(t, exact, 'target');
    if (mine.length < 2) return undefined;
    // A curated complex whose subunits are all among the imported target's proteins (DrugCentral lists every
    // subunit gene of the receptor family) is that target.
    const within = [...earlier.entries()].filter(([key]) => key.includes(' ') && key.split(' ').every((a) => mine.includes(a)))
      .sort(([a], [b]) => b.split(' ').length - a.split(' ').length);
    const found = within[0]?.[1][0];
    if (found) info(t, `target ${String(t.id)} (${mine.length} UniProt accessions) is ${String(found.id)} (${at(folders, found)}), whose subunits are among them`);
    return found;
  });

  // References, by PubMed ID or DOI.
  const referenceKeys = (r: Entity) => [...values(r.pmid).map((v) => `pmid:${v}`), ...values(r.doi).map((v) => `doi:${v.toLowerCase()}`)];
  matchAll('references', 'reference', referenceKeys, (r, earlier) => only(r, referenceKeys(r).flatMap((k) => earlier.get(k) ?? []), 'reference'));
  for (const [section, entity] of sectionEntities(description)) {
    if (sameById.includes(section)) matchAll(section, entity, (e) => [String(e.id)], (e, earlier) => earlier.get(String(e.id))?.[0]);
  }

  renameAll(description, sections, renames, later, folders);

  // Mechanisms: the same drug, target and action is one claim.
  const byClaim = new Map<string, Entity[]>();
  const mechanismRenames: Renames = new Map([['mechanism', new Map()]]);
  const kept: Entity[] = [];
  for (const m of sections.get('mechanisms') ?? []) {
    const key = `${String(m.drug)} ${String(m.target)}`;
    const earlier = (byClaim.get(key) ?? []).filter((e) => folders.folderOf(e) < folders.folderOf(m));
    const same = earlier.find((e) => e.action === m.action);
    if (!same) {
      if (earlier[0]) {
        warn(m, `mechanism ${String(m.id)} says ${String(m.action)} where ${String(earlier[0].id)} (${at(folders, earlier[0])}) says ${String(earlier[0].action)}, for drug ${String(m.drug)} at target ${String(m.target)}: both kept`);
      }
      (byClaim.get(key) ?? byClaim.set(key, []).get(key)!).push(m);
      kept.push(m);
      continue;
    }
    const evidence = [...new Set([...values(same.supported_by), ...values(m.supported_by)])];
    const combined = { ...same, supported_by: evidence, origins: [...((same.origins ?? []) as Entity[]), ...((m.origins ?? []) as Entity[])] };
    kept[kept.indexOf(same)] = combined;
    folders.replaced(same, combined);
    byClaim.get(key)!.splice(byClaim.get(key)!.indexOf(same), 1, combined);
    mechanismRenames.get('mechanism')!.set(String(m.id), String(same.id));
    info(m, `mechanism ${String(m.id)} is ${String(same.id)} (${at(folders, same)}): its evidence and source records are added`);
  }
  sections.set('mechanisms', kept);
  renameAll(description, sections, mechanismRenames, later, folders);
  return diagnostics;
}

function sectionEntities(description: ModelDescription): [string, string][] {
  return Object.entries(description.entities).flatMap(([key, e]) => (e.section ? [[e.section, key] as [string, string]] : []));
}

/** Rewrites, in the later folders' entities, every reference to a renamed entity. */
function renameAll(description: ModelDescription, sections: Sections, renames: Renames, later: (e: Entity) => boolean, folders: Folders): void {
  if ([...renames.values()].every((m) => m.size === 0)) return;
  for (const [section, key] of sectionEntities(description)) {
    const list = sections.get(section) ?? [];
    list.forEach((entity, i) => {
      if (!later(entity)) return;
      const renamed = renameIn(description, description.entities[key]!, entity, renames);
      if (renamed !== entity) {
        list[i] = renamed;
        folders.replaced(entity, renamed);
      }
    });
  }
}

/** The entity with its refs renamed (the same object when nothing changes), through groups and parts. */
function renameIn(description: ModelDescription, entity: EntityDescription | { fields: Readonly<Record<string, Field>> }, value: Entity, renames: Renames): Entity {
  let copy: Record<string, unknown> | undefined;
  for (const [name, field] of Object.entries(entity.fields)) {
    const v = value[name];
    if (v === undefined) continue;
    let next: unknown = v;
    if (field.kind === 'ref' && renames.get(field.entity)?.size) {
      const map = renames.get(field.entity)!;
      next = Array.isArray(v) ? [...new Set(v.map((x: unknown) => map.get(String(x)) ?? x))] : (map.get(String(v)) ?? v);
      if (Array.isArray(v) && (next as unknown[]).every((x, i) => x === v[i]) && (next as unknown[]).length === v.length) next = v;
    } else if (field.kind === 'group') next = renameIn(description, field, v as Entity, renames);
    else if (field.kind === 'part') {
      const part = description.entities[field.entity]!;
      next = Array.isArray(v) ? v.map((p: Entity) => renameIn(description, part, p, renames)) : renameIn(description, part, v as Entity, renames);
      if (Array.isArray(v) && (next as unknown[]).every((x, i) => x === v[i])) next = v;
    }
    if (next !== v) (copy ??= { ...value })[name] = next;
  }
  return copy ?? value;
}
