// **diffFormat** writes a dataset diff for people (text, Markdown for a CHANGELOG) and for programs (JSON). For
// people it reads as a changelog: counts per kind first, then what a curator checks one by one. What only
// carries a claim over to a new release's records, or only adds identifiers, is counted there, not listed; long
// lists show their first items. JSON keeps every detail.
import { plural } from '../model/kinds.js';
import { hasChanges, isIdentifierGain, type CarriedClaim, type DatasetDiff, type EntityChange, type EntityEntry, type FieldChange } from './diff.js';
import type { KindSummary } from './diffTally.js';

export const diffFormats = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof diffFormats)[number];

/** Items of a list shown before "… and N more": enough to recognise a change, few enough to read 3,000 of them. */
const shownItems = 5;

export function formatDiff(diff: DatasetDiff, format: DiffFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(diff, null, 2)}\n`;
    case 'markdown': return toMarkdown(diff);
    case 'text': return toText(diff);
  }
}

const n = (count: number) => count.toLocaleString('en');
const quoted = (values: readonly string[]) => {
  const items = values.slice(0, values.length > shownItems + 1 ? shownItems : values.length).map((v) => `"${v}"`).join(', ');
  return values.length > shownItems + 1 ? `${items} … and ${n(values.length - shownItems)} more` : items;
};

/** One field's change: old → new for a single value (an action), items added and removed for a list. */
export function describeChange(change: FieldChange): string {
  // Identifiers gained are counted: their IRIs tell a curator little, and JSON has them. Lost ones are listed.
  if (isIdentifierGain(change)) return `${change.field}: ${n(change.added.length)} added`;
  const side = (word: string, values: readonly string[]) => `${word} ${values.length > 1 ? `${n(values.length)}: ` : ''}${quoted(values)}`;
  if (change.removed.length && change.added.length) {
    return change.list
      ? `${change.field}: ${side('added', change.added)}; ${side('removed', change.removed)}`
      : `${change.field}: ${quoted(change.removed)} → ${quoted(change.added)}`;
  }
  if (change.added.length) return `${change.field}: ${side('added', change.added)}`;
  return `${change.field}: ${side('removed', change.removed)}`;
}

/** A claim's source records, compactly: which rows it was taken from, then and now. */
const describeRecords = (change: FieldChange) =>
  `${change.field}: ${change.removed.length ? quoted(change.removed) : 'none'} → ${change.added.length ? quoted(change.added) : 'none'}`;

function summaryLine(row: KindSummary): string {
  const counts = ([['added', row.added], ['removed', row.removed], ['changed', row.changed],
    ['only gained identifiers', row.identifiersOnly], ['carried over', row.carriedOver]] as const)
    .filter(([, count]) => count > 0).map(([what, count]) => `${n(count)} ${what}`);
  return `${row.kind}: ${counts.join(', ')}`;
}

/** One line per kind and pair of releases: how many claims now rest on the new release's records. */
function carriedLines(claims: readonly CarriedClaim[]): string[] {
  const groups = new Map<string, number>();
  for (const c of claims) {
    const key = `${plural(c.kind)} from ${c.from.map((r) => `"${r}"`).join(', ') || 'the same'} to ${c.to.map((r) => `"${r}"`).join(', ') || 'the same'} records`;
    groups.set(`${c.kind}\u0000${key}`, (groups.get(`${c.kind}\u0000${key}`) ?? 0) + 1);
  }
  return [...groups].map(([key, count]) => `${key.split('\u0000')[0]}: ${n(count)} ${key.split('\u0000')[1]}`);
}

/** Entities that only gained identifiers, per kind, with how many identifiers they gained. */
function identifierLines(changed: readonly EntityChange[]): string[] {
  const kinds = new Map<string, { entities: number; identifiers: number }>();
  for (const e of changed.filter(onlyIdentifiers)) {
    const row = kinds.get(e.kind) ?? { entities: 0, identifiers: 0 };
    row.entities += 1;
    row.identifiers += e.changes.reduce((sum, c) => sum + c.added.length, 0);
    kinds.set(e.kind, row);
  }
  return [...kinds].map(([kind, row]) => `${kind}: ${n(row.entities)} ${plural(kind)} gained ${n(row.identifiers)} identifiers`);
}

const onlyIdentifiers = (e: EntityChange) => e.changes.every(isIdentifierGain);
const facts = (e: EntityEntry) => (e.facts?.length ? `: ${e.facts.map((f) => `${f.field} ${quoted(f.added)}`).join(', ')}` : '');
const details = (e: EntityChange) => [...e.changes.map(describeChange), ...(e.records ?? []).map(describeRecords)];

function toText(diff: DatasetDiff): string {
  if (!hasChanges(diff)) return 'no changes\n';
  const lines = ['Summary:', ...diff.summary.map((row) => `  ${summaryLine(row)}`)];
  const carried = carriedLines(diff.carriedOver);
  if (carried.length) lines.push('Carried over to new source records, nothing else changed (not listed; --format json lists them):', ...carried.map((l) => `  ${l}`));
  const gained = identifierLines(diff.changed);
  if (gained.length) lines.push('Only identifiers added (not listed; --format json lists them):', ...gained.map((l) => `  ${l}`));
  lines.push('');
  for (const e of diff.added) lines.push(`+ ${e.kind} "${e.label}" added${facts(e)}`);
  for (const e of diff.removed) lines.push(`- ${e.kind} "${e.label}" removed${facts(e)}`);
  for (const e of diff.changed.filter((c) => !onlyIdentifiers(c))) {
    lines.push(`~ ${e.kind} "${e.label}" changed`, ...details(e).map((d) => `    ${d}`));
  }
  return `${lines.join('\n')}\n`;
}

function toMarkdown(diff: DatasetDiff): string {
  if (!hasChanges(diff)) return 'No changes.\n';
  const item = (e: EntityEntry) => `- ${e.kind} **${e.label}**`;
  const summary = diff.summary.map((r) => `| ${r.kind} | ${r.added} | ${r.removed} | ${r.changed} | ${r.identifiersOnly} | ${r.carriedOver} |`);
  const sections = ([
    ['Summary', [
      '| kind | added | removed | changed | only identifiers added | carried over to new records |',
      '| --- | ---: | ---: | ---: | ---: | ---: |', ...summary,
      ...[...carriedLines(diff.carriedOver), ...identifierLines(diff.changed)].map((l, i) => `${i === 0 ? '\n' : ''}- ${l}`)]],
    ['Added', diff.added.map((e) => `${item(e)}${facts(e)}`)],
    ['Removed', diff.removed.map((e) => `${item(e)}${facts(e)}`)],
    ['Changed', diff.changed.filter((c) => !onlyIdentifiers(c)).map((e) => `${item(e)}\n${details(e).map((d) => `  - ${d}`).join('\n')}`)],
  ] as const).filter(([, items]) => items.length).map(([title, items]) => `### ${title}\n\n${items.join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}
