// **defaults** are the server's limits and address when a command line or caller does not set them.
export const serveDefaults = {
  host: '127.0.0.1',
  port: 8080,
  timeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  maxResults: 100_000,
  workers: 2,
  maxQueue: 64,
} as const;
