// **check** holds the rules that span entities and files: unique ids, and references that resolve.
import type { Diagnostic } from '../errors.js';
import type { LoadedModel } from './model.js';
import { sections, type Section } from './schema.js';
import type { YamlPath } from './source.js';

type Kind = (typeof sections)[Section];

/** Every cross-entity problem of a schema-valid model, as diagnostics. */
export function checkModel({ model, origins, sources }: LoadedModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<Kind, Set<string>>();
  const firstSeen = new Map<string, { file: string; path: YamlPath }>();

  const report = (entity: object, fieldPath: YamlPath, label: string, message: string) => {
    const origin = origins.get(entity)!;
    diagnostics.push({
      position: sources.locate({ file: origin.file, path: [...origin.path, ...fieldPath] }),
      severity: 'error',
      message: `${label}${fieldPath.length ? ` field ${formatPath(fieldPath)}` : ''}: ${message}`,
    });
  };

  // Ids: unique within their kind, across all files.
  for (const [section, kind] of Object.entries(sections) as [Section, Kind][]) {
    const known = new Set<string>();
    ids.set(kind, known);
    for (const entity of model[section]) {
      const origin = origins.get(entity)!;
      const key = `${kind}:${entity.id}`;
      const previous = firstSeen.get(key);
      if (previous) {
        const where = sources.locate({ file: previous.file, path: previous.path });
        report(entity, ['id'], `${kind} "${entity.id}"`, `duplicate ${kind} id "${entity.id}", first defined at ${where.file}:${where.line}:${where.col}`);
      } else {
        firstSeen.set(key, { file: origin.file, path: [...origin.path, 'id'] });
        known.add(entity.id);
      }
    }
  }

  const exists = (kind: Kind, id: string) => ids.get(kind)!.has(id);
  const expect = (entity: object, label: string, fieldPath: YamlPath, kind: Kind, id: string | undefined) => {
    if (id !== undefined && !exists(kind, id)) report(entity, fieldPath, label, `no ${kind} has id "${id}"`);
  };
  const expectAll = (entity: object, label: string, field: string, kind: Kind, list: readonly string[] | undefined) =>
    list?.forEach((id, i) => expect(entity, label, [field, i], kind, id));

  for (const drug of model.drugs) {
    const label = `drug "${drug.id}"`;
    expectAll(drug, label, 'uses', 'use', drug.uses);
    const screen = drug.no_appreciable_binding;
    if (screen) {
      screen.targets.forEach((id, i) => expect(drug, label, ['no_appreciable_binding', 'targets', i], 'target', id));
      expect(drug, label, ['no_appreciable_binding', 'reference'], 'reference', screen.reference);
    }
  }
  for (const target of model.targets) {
    const label = `target "${target.id}"`;
    expectAll(target, label, 'subunits', 'target', target.subunits);
    target.subunits?.forEach((id, i) => {
      if (id === target.id) report(target, ['subunits', i], label, 'a target cannot be its own subunit');
    });
  }
  for (const system of model.systems) {
    const label = `system "${system.id}"`;
    expect(system, label, ['part_of'], 'system', system.part_of);
    if (system.part_of === system.id) report(system, ['part_of'], label, 'a system cannot be part of itself');
  }
  for (const process of model.processes) {
    expectAll(process, `process "${process.id}"`, 'occurs_in', 'system', process.occurs_in);
  }
  for (const mechanism of model.mechanisms) {
    const label = `mechanism "${mechanism.id}"`;
    expect(mechanism, label, ['drug'], 'drug', mechanism.drug);
    expect(mechanism, label, ['target'], 'target', mechanism.target);
    expectAll(mechanism, label, 'systems', 'system', mechanism.systems);
    expectAll(mechanism, label, 'downstream_of', 'mechanism', mechanism.downstream_of);
    expectAll(mechanism, label, 'contributes_to', 'use', mechanism.contributes_to);
    expectAll(mechanism, label, 'supported_by', 'reference', mechanism.supported_by);
    expect(mechanism, label, ['source', 'reference'], 'reference', mechanism.source?.reference);
    mechanism.downstream_of?.forEach((id, i) => {
      if (id === mechanism.id) report(mechanism, ['downstream_of', i], label, 'a mechanism cannot be downstream of itself');
    });
    const processes = new Set<string>();
    mechanism.effects.forEach((effect, i) => {
      expect(mechanism, label, ['effects', i, 'process'], 'process', effect.process);
      if (processes.has(effect.process)) {
        report(mechanism, ['effects', i, 'process'], label, `two effects on process "${effect.process}": give one effect per process`);
      }
      processes.add(effect.process);
    });
    const affinities = new Set<string>();
    mechanism.affinities?.forEach((affinity, i) => {
      expect(mechanism, label, ['affinities', i, 'target'], 'target', affinity.target);
      expect(mechanism, label, ['affinities', i, 'reference'], 'reference', affinity.reference);
      if (affinity.target === undefined && mechanism.target === undefined) {
        report(mechanism, ['affinities', i], label, 'an affinity needs a target: the mechanism has none, so give one here');
      }
      const key = `${affinity.target ?? mechanism.target}/${affinity.measure}`;
      if (affinities.has(key)) report(mechanism, ['affinities', i], label, `two ${affinity.measure} affinities at the same target`);
      affinities.add(key);
    });
    const caveats = new Set<string>();
    mechanism.caveats?.forEach((caveat, i) => {
      caveat.references?.forEach((id, k) => expect(mechanism, label, ['caveats', i, 'references', k], 'reference', id));
      if (caveats.has(caveat.id)) report(mechanism, ['caveats', i, 'id'], label, `duplicate caveat id "${caveat.id}"`);
      caveats.add(caveat.id);
    });
  }
  return diagnostics;
}

function formatPath(fieldPath: YamlPath): string {
  return fieldPath.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('').replace(/^\./, '');
}
