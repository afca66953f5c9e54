# The Ballast agent image: Node 20 slim, production dependencies only, running as a non-root
# user. Mount the configuration, the webhook secret and any credentials read-only, e.g.
#   docker run -v $PWD/agent.yaml:/etc/ballast/agent.yaml:ro -v ballast-data:/var/lib/ballast \
#     -p 8080:8080 ballast --config /etc/ballast/agent.yaml --listen 0.0.0.0:8080
FROM node:20-slim

# git fetches git sources; ca-certificates for https remotes; openssh-client for ssh:// remotes;
# gnupg for signed-commit verification; tini forwards SIGTERM so in-flight applies can finish
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates openssh-client gnupg tini \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/ballast
COPY package.json package-lock.json ./
# tsx is a runtime dependency: the engine runs its TypeScript directly
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY engine ./engine
COPY providers ./providers
COPY state ./state

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

ENTRYPOINT ["/usr/bin/tini", "--", "/opt/ballast/bin/ballast", "agent"]
CMD ["--config", "/etc/ballast/agent.yaml", "--listen", "0.0.0.0:8080"]
