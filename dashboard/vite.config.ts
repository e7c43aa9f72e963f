import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';

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

export default defineConfig({
  // The domain package is TypeScript source without decorators: Vite compiles it directly.
  resolve: {
    alias: {
      '@samordna/domain': fileURLToPath(new URL('../packages/domain/src/index.ts', import.meta.url)),
    },
  },
  plugins: [inlineGraphqlDocuments()],
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
