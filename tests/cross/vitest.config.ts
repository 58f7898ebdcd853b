// Cross-checks against tools that are not ours (Debian's raptor2-utils, python3-rdflib, python3-pyld).
// Run with: npx vitest run --config tests/cross/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { refuseLib, sourceTestOptions } from '../../vitest.config.ts';

export default defineConfig({
  // The repository root, whatever folder vitest is started from.
  root: fileURLToPath(new URL('../..', import.meta.url)),
  // Run the source, as the main suite does (see vitest.config.ts).
  plugins: [refuseLib],
  test: {
    include: ['tests/cross/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    ...sourceTestOptions,
  },
});
