// **diffFormat** writes a dataset diff for people (text, Markdown for a CHANGELOG) and for programs (JSON).
import type { DatasetDiff, FieldChange } from './diff.js';

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
  const sections: string[] = [];
  if (diff.added.length) sections.push(`### Added\n\n${diff.added.map((e) => `- ${e.kind} **${e.label}**`).join('\n')}`);
  if (diff.removed.length) sections.push(`### Removed\n\n${diff.removed.map((e) => `- ${e.kind} **${e.label}**`).join('\n')}`);
  if (diff.changed.length) {
    sections.push(`### Changed\n\n${diff.changed.map((e) => `- ${e.kind} **${e.label}**\n${e.changes.map((c) => `  - ${describeChange(c)}`).join('\n')}`).join('\n')}`);
  }
  return sections.length ? `${sections.join('\n\n')}\n` : 'No changes.\n';
}
