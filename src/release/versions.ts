// **versions** orders releases by semantic version, numerically: 1.10.0 comes after 1.9.0, and a release's
// "previous release" is the highest one below it, whatever order the folder names sort in.
import { readdir } from 'node:fs/promises';

const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function isVersion(text: string): boolean {
  return semver.test(text);
}

/** Negative when a < b, 0 when equal, positive when a > b; both must be X.Y.Z. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) {
    const d = x![i]! - y![i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** The releases in `releasesDir` (folders named X.Y.Z), lowest first; none when the folder does not exist. */
export async function releasesIn(releasesDir: string): Promise<string[]> {
  const entries = await readdir(releasesDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && isVersion(e.name)).map((e) => e.name).sort(compareVersions);
}

/** The highest of `versions` below `version`, if any. */
export function highestBelow(versions: readonly string[], version: string): string | undefined {
  return versions.filter((v) => compareVersions(v, version) < 0).sort(compareVersions).at(-1);
}
