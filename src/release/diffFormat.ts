// **diffFormat** writes a dataset diff for people (text, Markdown for a CHANGELOG) and for programs (JSON).
import type { DatasetDiff, EntityRef, FieldChange } from './diff.js';

export const diffFormats = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof diffFormats)[number];

export function formatDiff(diff: DatasetDiff, format: DiffFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(diff, null, 2)}\n`;
    case 'markdown': return toMarkdown(diff);
    case 'text': return toText(diff);
  }
}

function describeChange(change: FieldChange): string {
  const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
  if (change.removed.length && change.added.length) return `${change.field}: ${list(change.removed)} → ${list(change.added)}`;
  if (change.added.length) return `${change.field}: added ${list(change.added)}`;
  return `${change.field}: removed ${list(change.removed)}`;
}

function toText(diff: DatasetDiff): string {
  const lines: string[] = [];
  for (const e of diff.added) lines.push(`+ ${e.kind} "${e.label}" added`);
  for (const e of diff.removed) lines.push(`- ${e.kind} "${e.label}" removed`);
  for (const e of diff.changed) {
    lines.push(`~ ${e.kind} "${e.label}" changed`);
    for (const change of e.changes) lines.push(`    ${describeChange(change)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : 'no changes\n';
}

function toMarkdown(diff: DatasetDiff): string {
  const item = (e: EntityRef) => `- ${e.kind} **${e.label}**`;
  const sections = ([
    ['Added', diff.added.map(item)],
    ['Removed', diff.removed.map(item)],
    ['Changed', diff.changed.map((e) => `${item(e)}\n${e.changes.map((c) => `  - ${describeChange(c)}`).join('\n')}`)],
  ] as const).filter(([, items]) => items.length).map(([title, items]) => `### ${title}\n\n${items.join('\n')}`);
  return sections.length ? `${sections.join('\n\n')}\n` : 'No changes.\n';
}
