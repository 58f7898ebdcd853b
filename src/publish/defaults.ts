// **defaults** of `pharmald publish`, apart so the command's help can show them without loading it.
export const publishDefaults = {
  /** Triples per Graph Store request: 50 000 is about 9 MB of N-Triples, which Virtuoso loads in a second or two. */
  chunkTriples: 50_000,
  /** Time limit for each request, in milliseconds. */
  timeoutMs: 300_000,
} as const;
