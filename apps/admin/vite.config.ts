import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// The API serves the build at /admin; in development Vite serves the app with hot reload and passes
// /graphql through to a running API (`pnpm dev` at the root, port 4000 unless API_URL says otherwise).
export default defineConfig({
  base: '/admin/',
  plugins: [
    react(),
    // A .br and a .gz beside each hashed asset, at the formats' best compression, once per build: the
    // API sends them as they are (apps/api/src/http/static-assets.ts). Source maps stay as they are.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /^assets\/.*\.(js|css|svg)$/,
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  server: {
    port: 5173,
    proxy: { '/graphql': process.env.API_URL ?? 'http://localhost:4000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: in chunks of their own they stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
