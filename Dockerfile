# syntax=docker/dockerfile:1
# SeminarHub API (with the admin UI it serves) for production: Node 20, pnpm 10, production
# dependencies only, running as the unprivileged `node` user. The image expects an external
# PostgreSQL in DATABASE_URL: the embedded PostgreSQL is for development on a workstation.
# See docs/OPERATIONS.md#containers.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS pnpm
# The version in package.json's packageManager field.
RUN npm install --global pnpm@10.34.9 && npm cache clean --force
WORKDIR /app

# Everything needed to build: all dependencies, the sources, then `pnpm build` (Prisma client,
# schema.graphql, the SDK's code, and the bundles of packages/db, apps/api and apps/admin).
FROM pnpm AS build
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm build

# Production dependencies of the API and of the workspace packages it loads (@seminarhub/db), in the
# workspace's own layout: the bundles keep their dependencies external and find them in node_modules.
FROM pnpm AS deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY packages/db/package.json packages/db/
COPY packages/sdk/package.json packages/sdk/
RUN pnpm install --frozen-lockfile --prod --filter "@seminarhub/api..." && rm -rf /root/.local/share/pnpm/store

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
# Owned by root and read-only for the server: it writes nothing into its own folder.
COPY --from=deps /app ./
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/admin/dist apps/admin/dist
COPY --from=build /app/packages/db/dist packages/db/dist
# Migrations are applied at start, from these files.
COPY --from=build /app/packages/db/prisma packages/db/prisma
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself, not pnpm: SIGTERM must reach the server, which drains and then exits. The preload
# sets up tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, and does nothing otherwise.
CMD ["node", "--enable-source-maps", "--import", "./apps/api/dist/tracing.js", "apps/api/dist/main.js"]
