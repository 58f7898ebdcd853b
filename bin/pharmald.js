#!/usr/bin/env node
// The pharmald command: a shim that runs the compiled CLI (lib/, built by `npm ci` through `prepare`).
const { main } = await import('../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
