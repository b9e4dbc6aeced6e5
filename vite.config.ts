// Builds the explorer (web/) into dist/web, which the API server serves at /. In `vite dev` the
// /graphql calls go to a locally running server so the page and the API share one origin either way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { parse } from 'yaml';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA_FILE = path.join(ROOT, 'cypher', 'schema', 'graph.yaml');
const PROPERTY_NAMES = 'virtual:huiyan/property-names';
/** Where `vite dev` finds the API (npm run dev). */
const API_DEV = 'http://127.0.0.1:4000';

type Names = Record<string, Record<string, { zh: string; en: string }>>;

/**
 * The GraphQL `graphSchema` gives label and relationship names but not property names, so the details
 * panel would show raw keys (`birthDate`). The Chinese and English property names live in the same
 * schema file, so they are compiled into the bundle here: one source, no copy kept by hand. Only the
 * names go in (not types, keys or the sensitive flags).
 */
function propertyNames(): Plugin {
  const resolved = '\0' + PROPERTY_NAMES;
  return {
    name: 'huiyan-property-names',
    resolveId: (id) => (id === PROPERTY_NAMES ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      this.addWatchFile(SCHEMA_FILE);
      const doc = parse(readFileSync(SCHEMA_FILE, 'utf8')) as {
        labels?: Record<string, { properties?: Record<string, { zh: string; en: string }> }>;
        relationships?: Record<string, { properties?: Record<string, { zh: string; en: string }> }>;
      };
      const pick = (defs: Record<string, { properties?: Record<string, { zh: string; en: string }> }> = {}): Names =>
        Object.fromEntries(
          Object.entries(defs).map(([name, def]) => [
            name,
            Object.fromEntries(Object.entries(def.properties ?? {}).map(([p, d]) => [p, { zh: d.zh, en: d.en }])),
          ]),
        );
      const names = { labels: pick(doc.labels), relationships: pick(doc.relationships) };
      return `export default ${JSON.stringify(names)};`;
    },
  };
}

export default defineConfig({
  root: path.join(ROOT, 'web'),
  base: '/',
  plugins: [propertyNames()],
  build: {
    outDir: path.join(ROOT, 'dist', 'web'),
    emptyOutDir: true,
    // Cytoscape and fcose make one ~600 KB chunk, GraphiQL (React, CodeMirror) a larger one; an internal
    // tool on a LAN, so no warning for them.
    chunkSizeWarningLimit: 2500,
    // Two pages: the explorer, and GraphiQL for analysts and admins (served at /graphiql by the server,
    // which checks the role; server/http/graphiql.ts).
    rollupOptions: {
      input: { explorer: path.join(ROOT, 'web', 'index.html'), graphiql: path.join(ROOT, 'web', 'graphiql.html') },
      // GraphiQL's React parts (Radix, framer-motion) start their modules with "use client", a directive for
      // React Server Components that a client bundle drops harmlessly; Rollup says so once per module, about a
      // hundred lines at every `npm start` that hid what the start says. Every other warning still shows.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /['"]use client['"]/.test(warning.message)) return;
        warn(warning);
      },
    },
  },
  server: {
    // changeOrigin: the API answers only to the Host names it listens on (server/http/guard.ts). The sign-in
    // routes refuse a POST from another origin (login CSRF), so the dev page's origin is given as the API's.
    proxy: Object.fromEntries(['/graphql', '/auth'].map((p) => [p, { target: API_DEV, changeOrigin: true, headers: { origin: API_DEV } }])),
  },
});
