// **commands** is the command table: each entry maps its arguments to one library call and prints.
import { buildCommand, diffCommand, releaseCommand, schemaCommand, validateCommand } from './dataCommands.js';
import { importCommand } from './importCommand.js';
import type { Command } from './options.js';
import { publishCommand, queryCommand, serveCommand } from './queryCommands.js';

export const commands: Readonly<Record<string, Command>> = {
  build: buildCommand,
  validate: validateCommand,
  query: queryCommand,
  publish: publishCommand,
  schema: schemaCommand,
  serve: serveCommand,
  release: releaseCommand,
  diff: diffCommand,
  import: importCommand,
};
