import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  // The domain package is TypeScript source without decorators: Vite compiles it directly.
  resolve: {
    alias: {
      '@samordna/domain': fileURLToPath(new URL('../packages/domain/src/index.ts', import.meta.url)),
    },
  },
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
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
