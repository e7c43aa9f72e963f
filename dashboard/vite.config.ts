import { defineConfig, type Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';
import { formatDocument, stringifyDocument } from '@urql/core';
import { earlyFetchScript } from './src/app/earlyFetch';
import { MAP_SHAPES_URL } from './src/features/coverage/mapShapes';

const GENERATED = fileURLToPath(new URL('./src/gql/', import.meta.url));

/**
 * Each `graphql(`…`)` call becomes the parsed document itself, taken from the generated
 * src/gql/graphql.ts. Without this the codegen's `graphql()` looks documents up in a map of every
 * operation of every page (src/gql/gql.ts), and that map, with all documents, lands in the first
 * chunk. Inlined, each page's documents travel in that page's chunk and the map is tree-shaken.
 * (What the codegen's babel plugin does, for a Vite build without babel.)
 */
function inlineGraphqlDocuments(): Plugin {
  let documents: Map<string, string>;
  return {
    name: 'samordna-inline-graphql-documents',
    apply: 'build',
    buildStart() {
      documents = new Map();
      const generated = readFileSync(`${GENERATED}graphql.ts`, 'utf8');
      for (const m of generated.matchAll(
        /^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode/gm,
      ))
        documents.set(m[1], m[2]);
    },
    transform(code, id) {
      if (id.startsWith(GENERATED) || !/\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      const out = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (call: string, source: string) => {
        const first = parse(source).definitions[0];
        const name =
          first.kind === 'OperationDefinition'
            ? `${first.name?.value}Document`
            : first.kind === 'FragmentDefinition'
              ? `${first.name.value}FragmentDoc`
              : '';
        const document = documents.get(name);
        if (!document)
          this.error(`no generated document ${name} for a graphql() call in ${id}: run the codegen (pnpm codegen)`);
        // As many lines as the call had: the code after it keeps its lines (and its source map).
        return `(${document}${'\n'.repeat(call.split('\n').length - 1)})`;
      });
      return { code: out, map: null };
    },
  };
}

/** A generated document (src/gql/graphql.ts) as urql sends its text: with `__typename` in every selection. */
function queryText(name: string): string {
  const generated = readFileSync(`${GENERATED}graphql.ts`, 'utf8');
  const m = new RegExp(`^export const ${name} = (\\{"kind":"Document".*\\}) as unknown as DocumentNode`, 'm').exec(
    generated,
  );
  if (!m) throw new Error(`no generated document ${name}: run the codegen (pnpm codegen)`);
  return stringifyDocument(formatDocument(JSON.parse(m[1]) as DocumentNode));
}

/**
 * The map's early fetches (src/app/earlyFetch.ts): writes the script with the map page's chunks (those
 * the app's own chunk does not already bring) and its queries, and loads it from index.html,
 * `async`, beside the app's chunk.
 */
function earlyFetchForTheMap(): Plugin {
  return {
    name: 'samordna-early-fetch-map',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const entry = chunks.find((c) => c.isEntry);
        const page = chunks.find((c) => c.facadeModuleId?.endsWith('/src/features/coverage/CoverageMapPage.tsx'));
        const html = bundle['index.html'];
        if (!entry || !page || html?.type !== 'asset')
          return this.error('early fetch: no entry chunk, map page chunk or index.html in the bundle');
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const imports = (fileName: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(fileName)) return seen;
          seen.add(fileName);
          for (const i of byName.get(fileName)?.imports ?? []) imports(i, seen);
          return seen;
        };
        const loaded = imports(entry.fileName);
        const modulepreloads = [...imports(page.fileName)].filter((f) => !loaded.has(f)).map((f) => `/${f}`);
        const source = earlyFetchScript({
          modulepreloads,
          shapesUrl: MAP_SHAPES_URL,
          queries: {
            options: queryText('CoverageFilterOptionsDocument'),
            overview: queryText('CoverageOverviewDocument'),
          },
        });
        const fileName = `assets/early-${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
        this.emitFile({ type: 'asset', fileName, source });
        html.source = String(html.source).replace(
          /(\s*)(<script type="module")/,
          `$1<script async src="/${fileName}"></script>$1$2`,
        );
      },
    },
  };
}

export default defineConfig({
  // The domain package is TypeScript source without decorators: Vite compiles it directly.
  resolve: {
    alias: {
      '@samordna/domain': fileURLToPath(new URL('../packages/domain/src/index.ts', import.meta.url)),
    },
  },
  plugins: [inlineGraphqlDocuments(), earlyFetchForTheMap()],
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      treeshake: {
        // Designsystemet's React package declares no `sideEffects`, so every component it has
        // (with floating-ui, a virtualiser, the combobox elements) went into the first chunk.
        // Its modules only define components: unused ones may go. Its web package (custom
        // elements, tooltips, invokers) does have effects; main.tsx imports it once for all pages.
        moduleSideEffects: (id) => !id.includes('/@digdir/designsystemet-react/'),
      },
      onwarn(warning, warn) {
        // The icon package marks every file "use client" (a React Server Components hint).
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': 'http://localhost:4000',
      '/geo': 'http://localhost:4000',
    },
  },
});
