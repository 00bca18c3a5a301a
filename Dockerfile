# ECHO as a container: a Hugging Face Docker Space, or `docker run -p 8000:8000 echo-env`.
# Two stages: `build` compiles TypeScript and the better-sqlite3 addon, `runtime` keeps only what serving needs.
# test/ship/dockerfile.test.ts replays the build stage's COPY and npm steps and starts the result.

# Node 24: an LTS line maintained to April 2028 that better-sqlite3 12 supports; Debian 13 (trixie) is stable.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-trixie-slim AS build
# better-sqlite3 falls back to compiling from source when no prebuilt binary can be downloaded.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY tasks ./tasks
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund
# Optional: bake real datasets into the image (needs network at build time), e.g.
#   docker build --build-arg ECHO_DATASETS=gsm8k,arc --build-arg ECHO_PER_BUCKET=200 -t echo-env .
# On a Hugging Face Space, a Space variable named ECHO_DATASETS is passed as this build argument.
ARG ECHO_DATASETS=""
ARG ECHO_PER_BUCKET=500
RUN mkdir -p /data \
  && if [ -n "$ECHO_DATASETS" ]; then \
    node dist/cli/main.js tasks download --datasets "$ECHO_DATASETS" --per-bucket "$ECHO_PER_BUCKET" --data-dir /data; \
  fi

FROM node:${NODE_VERSION}-trixie-slim AS runtime
ENV NODE_ENV=production
ENV PORT=8000 HOST=0.0.0.0 ECHO_DATA_DIR=/data
WORKDIR /app
# package.json is read at run time (the version in /metadata and /openapi.json); tasks/ is the curated bank.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/tasks ./tasks
COPY --from=build /app/src/web ./src/web
# The data directory belongs to the unprivileged user; baked datasets (if any) come along.
COPY --from=build --chown=node:node /data /data
# uid 1000 is the official node image's `node` user, and the uid Hugging Face Spaces run containers as.
USER 1000:1000
VOLUME ["/data"]
EXPOSE 8000
# Slim images have no curl: node itself asks /health.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => r.json()).then((b) => process.exit(b.status === 'healthy' ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/cli/main.js", "serve"]
