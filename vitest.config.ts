import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two projects run the same suite:
 * - "pglite": every test; database tests use an in-memory PGlite per file;
 * - "postgres": only the database tests (`*.db.test.ts`), each file on a throwaway database
 *   created from TEST_DATABASE_URL. Present only when that variable is set (CI sets it).
 */
const alias = { '~': path.resolve(__dirname, 'app') };
const exclude = ['node_modules', 'build', 'e2e', 'data'];
const common = { globals: true, environment: 'node', setupFiles: ['./tests/setup-env.ts'], exclude, testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { ...common, name: 'pglite', include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'server/**/*.test.ts'], env: { TEST_DB_DRIVER: 'pglite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ resolve: { alias }, test: { ...common, name: 'postgres', include: ['**/*.db.test.ts'], env: { TEST_DB_DRIVER: 'postgres' } } }]
        : []),
    ],
  },
});
