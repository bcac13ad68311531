# syntax=docker/dockerfile:1
# Agora, built in two stages: the first compiles (toolchain, dev dependencies), the second only
# runs (compiled JavaScript, production dependencies, data files), as the unprivileged `node` user.

# --- build ----------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is compiled from source (.npmrc: build-from-source), which needs a C++ toolchain;
# the Node headers ship with the image, so node-gyp downloads nothing.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY core ./core
COPY nlu ./nlu
COPY bots ./bots
COPY admin ./admin
COPY store ./store
COPY app ./app
COPY bench ./bench
# Compile, train the NLU model once into data/nlu-cache (so instances start without training),
# then drop the dev dependencies.
RUN node bin/agora-build.js --force \
 && mkdir -p data \
 && node bin/agora.js nlu "hello" > /dev/null \
 && npm prune --omit=dev --no-audit --no-fund

# --- run ------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS run
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
# Read at run time from the project root (tsc copies no .tsv, .json, .css or browser .js).
COPY --from=build /app/nlu/data ./nlu/data
COPY --from=build /app/bots/webchat/public ./bots/webchat/public
COPY --from=build /app/admin/panel/public ./admin/panel/public
# The only place the app writes to (the NLU model cache); everything else lives in MongoDB.
COPY --from=build --chown=node:node /app/data ./data
# bin/agora.js recompiles when a source looks newer than the build stamp: stamp last, so it never
# tries (there is no compiler here). `agora` on the PATH for `docker compose run --rm app agora demo`.
RUN touch dist/.build-stamp \
 && printf '#!/bin/sh\nexec node /app/bin/agora.js "$@"\n' > /usr/local/bin/agora \
 && chmod 755 /usr/local/bin/agora
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/agora.js", "start"]
