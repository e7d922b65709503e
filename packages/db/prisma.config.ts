import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file: migrations go through the WASM schema engine (src/migrations).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
