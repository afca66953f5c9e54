# The Ballast agent image: Node 24 slim, the packed npm package installed globally (production
# dependencies only), running as a non-root user. Mount the configuration, the webhook secret and
# any credentials read-only, e.g.
#   docker run -v $PWD/agent.yaml:/etc/ballast/agent.yaml:ro -v ballast-data:/var/lib/ballast \
#     -p 8080:8080 ballast --config /etc/ballast/agent.yaml --listen 0.0.0.0:8080

# Build stage: compile the CLI (npm pack runs `prepare`, which builds dist/) into a tarball.
FROM node:24-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY scripts/build.mjs ./scripts/
COPY bin ./bin
COPY engine ./engine
COPY providers ./providers
COPY state ./state
COPY README.md ./
RUN npm pack --pack-destination /tmp && mv /tmp/ballast-*.tgz /tmp/ballast.tgz

FROM node:24-slim

# git fetches git sources; ca-certificates for https remotes; openssh-client for ssh:// remotes;
# gnupg for signed-commit verification; tini forwards SIGTERM so in-flight applies can finish
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates openssh-client gnupg tini \
 && rm -rf /var/lib/apt/lists/*

COPY --from=build /tmp/ballast.tgz /tmp/ballast.tgz
# tsx stays a runtime dependency: it compiles users' cdktf apps at synth time
RUN npm install -g --omit=dev --no-audit --no-fund /tmp/ballast.tgz && rm /tmp/ballast.tgz && npm cache clean --force

RUN groupadd --system ballast && useradd --system --gid ballast --home-dir /var/lib/ballast --create-home ballast \
 && mkdir -p /etc/ballast /usr/local/share/terraform/plugins && chown ballast:ballast /var/lib/ballast
# Provider binaries (docs/providers.md): copy or mount packages into the implied local mirror
# /usr/local/share/terraform/plugins/HOST/NAMESPACE/TYPE/VERSION/linux_amd64/, or mount any
# directory in that layout and set BALLAST_PLUGIN_DIRS to it. The proto definitions the bridge
# loads ship with providers/ (providers/plugin/proto).
USER ballast
WORKDIR /var/lib/ballast
ENV NODE_ENV=production
VOLUME ["/var/lib/ballast"]
EXPOSE 8080

ENTRYPOINT ["/usr/bin/tini", "--", "ballast", "agent"]
CMD ["--config", "/etc/ballast/agent.yaml", "--listen", "0.0.0.0:8080"]
