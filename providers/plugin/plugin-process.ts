// One running provider binary: go-plugin's handshake (magic cookie, version negotiation on
// stdout, unix socket, AutoMTLS), a gRPC channel to it, its stderr and redirected stdio fed
// to the log, and an orderly stop (GRPCController.Shutdown, then a signal).

import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { clientCertificate, serverCertificatePem } from './auto-mtls.ts';
import { LineTail, parseLogLine, type PluginLogSink } from './stderr-log.ts';
import { loadUnaryMethods, MESSAGE_SHAPE, type UnaryMethod } from './unary-rpc.ts';

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export type ProtocolVersion = 5 | 6;
const SDK_LOG_VARS = ['TF_LOG_SDK', 'TF_LOG_SDK_PROTO', 'TF_LOG_SDK_FRAMEWORK', 'TF_LOG_SDK_HELPER_SCHEMA', 'TF_LOG_SDK_HELPER_RESOURCE'];

/** A provider process failed to start, died, or broke the protocol. The message is for users. */
export class PluginError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string[] = [],
  ) {
    super(stderrTail.length ? `${message}\nLast lines the provider wrote to stderr:\n  ${stderrTail.join('\n  ')}` : message);
  }
}

const PROTO_DIR = join(dirname(fileURLToPath(import.meta.url)), 'proto');
const LOADER_OPTIONS: protoLoader.Options = { keepCase: true, ...MESSAGE_SHAPE };
type ServiceCtor = grpc.ServiceClientConstructor;
interface Services {
  /** the provider protocol's unary methods per protocol version */
  v5: ReadonlyMap<string, UnaryMethod>;
  v6: ReadonlyMap<string, UnaryMethod>;
  stdio: ServiceCtor;
  controller: ServiceCtor;
}
let services: Services | undefined;

function loadServices(): Services {
  if (services) return services;
  const load = <T>(file: string, f: (path: string) => T): T => {
    try {
      return f(join(PROTO_DIR, file));
    } catch (e) {
      // a broken installation (the build copies proto/ next to the compiled code), not the provider's fault
      throw new PluginError(`Ballast cannot load its plugin protocol definition ${join(PROTO_DIR, file)}: ${(e as Error).message}. Reinstall Ballast (or run \`npm run build\` in a checkout).`);
    }
  };
  const v5 = load('tfplugin5.proto', (f) => loadUnaryMethods(f, 'tfplugin5.Provider'));
  const v6 = load('tfplugin6.proto', (f) => loadUnaryMethods(f, 'tfplugin6.Provider'));
  const gp = load('go-plugin.proto', (f) => grpc.loadPackageDefinition(protoLoader.loadSync(f, LOADER_OPTIONS)).plugin as grpc.GrpcObject);
  services = { v5, v6, stdio: gp.GRPCStdio as ServiceCtor, controller: gp.GRPCController as ServiceCtor };
  return services;
}

export interface StartOptions {
  /** name used in messages and logs, e.g. registry.terraform.io/hashicorp/null */
  readonly name: string;
  readonly binary: string;
  readonly env: NodeJS.ProcessEnv;
  readonly log: PluginLogSink;
  /** how long the handshake may take (go-plugin's default is one minute) */
  readonly startTimeoutMs?: number;
  readonly protocolVersions?: readonly ProtocolVersion[];
}

export interface Handshake {
  readonly core: number;
  readonly protocol: ProtocolVersion;
  readonly network: 'unix' | 'tcp';
  readonly address: string;
  readonly serverCert?: string;
}

/** Parses go-plugin's negotiation line: CORE|APP|NETWORK|ADDRESS|PROTOCOL|SERVER_CERT[|MUX]. */
export function parseHandshake(line: string, accepted: readonly ProtocolVersion[]): Handshake {
  const parts = line.trim().split('|');
  if (parts.length < 5 || !/^\d+$/.test(parts[0]) || !/^\d+$/.test(parts[1])) {
    throw new Error(`it did not answer with a plugin handshake (first line of output: ${JSON.stringify(line.slice(0, 200))})`);
  }
  const core = Number(parts[0]);
  if (core !== 1) throw new Error(`it speaks go-plugin core protocol ${core}; Ballast speaks 1`);
  const app = Number(parts[1]);
  if (!(accepted as readonly number[]).includes(app)) {
    throw new Error(`it speaks plugin protocol version ${app}; Ballast speaks ${accepted.join(' and ')} (Terraform 0.12 and later providers)`);
  }
  const network = parts[2];
  if (network !== 'unix' && network !== 'tcp') throw new Error(`it listens on an unsupported network "${network}"`);
  if (parts[4] !== 'grpc') throw new Error(`it serves the "${parts[4]}" protocol; only gRPC providers are supported`);
  return { core, protocol: app as ProtocolVersion, network, address: parts[3], serverCert: parts[5] || undefined };
}

export class PluginProcess {
  readonly stderrTail = new LineTail();
  private child?: ChildProcess;
  private exitInfo?: string;
  private exited?: Promise<void>;
  client?: grpc.Client;
  protocol: ProtocolVersion = 6;
  /** the unary methods of the protocol the process speaks */
  methods: ReadonlyMap<string, UnaryMethod> = new Map();
  private channelClients: grpc.Client[] = [];

  constructor(readonly opts: StartOptions) {}

  get alive(): boolean {
    return this.child !== undefined && this.exitInfo === undefined;
  }

  /** why the process is gone, or undefined while it runs */
  get exitReason(): string | undefined {
    return this.exitInfo;
  }

  async start(): Promise<void> {
    const { binary, name } = this.opts;
    const accepted = this.opts.protocolVersions ?? [6, 5];
    // before the process starts: a failure here must not leave a provider running with nobody to stop it
    const svc = loadServices();
    const cert = clientCertificate();
    const env: NodeJS.ProcessEnv = {
      ...this.opts.env,
      [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: accepted.join(','),
      PLUGIN_CLIENT_CERT: cert.certPem,
    };
    // The SDKs log every call at trace level unless told otherwise; Terraform drops those lines
    // on its side. Without TF_LOG nobody reads them, so they are switched off at the source.
    if (!env.TF_LOG) for (const k of SDK_LOG_VARS) env[k] ??= 'OFF';
    let child: ChildProcess;
    try {
      child = spawn(binary, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      throw new PluginError(`Provider ${name} could not be started from ${binary}: ${(e as Error).message}`);
    }
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = signal ? `killed by ${signal}` : `exited with code ${code}`;
        resolve();
      });
      child.once('error', (e) => {
        this.exitInfo = `could not run: ${e.message}`;
        resolve();
      });
    });
    createInterface({ input: child.stderr! }).on('line', (l) => this.onStderr(l));
    const line = await this.firstLine(child, this.opts.startTimeoutMs ?? 60_000);
    let hs: Handshake;
    try {
      hs = parseHandshake(line, accepted);
    } catch (e) {
      await this.kill();
      throw new PluginError(`Provider ${name} (${binary}) is not a usable plugin: ${(e as Error).message}.`, this.stderrTail.get());
    }
    // go-plugin prints nothing else on stdout; drain it so the pipe never fills
    child.stdout!.resume();
    this.protocol = hs.protocol;
    let creds: grpc.ChannelCredentials;
    if (hs.serverCert) {
      let server: { pem: string; fingerprint: string };
      try {
        server = serverCertificatePem(hs.serverCert);
      } catch (e) {
        await this.kill();
        throw new PluginError(`Provider ${name} sent an unreadable server certificate: ${(e as Error).message}`);
      }
      creds = grpc.credentials.createSsl(Buffer.from(server.pem), Buffer.from(cert.keyPem), Buffer.from(cert.certPem), {
        // trust only the certificate this process announced in its handshake
        checkServerIdentity: (_host, peer) => (peer.fingerprint256 === server.fingerprint ? undefined : new Error('the provider presented a different certificate than the one in its handshake')),
      });
    } else {
      // a provider that ignored PLUGIN_CLIENT_CERT (very old go-plugin) speaks plain gRPC on its private socket
      creds = grpc.credentials.createInsecure();
    }
    const target = hs.network === 'unix' ? `unix:${hs.address}` : hs.address;
    const channelOptions: grpc.ChannelOptions = {
      'grpc.max_receive_message_length': 256 << 20,
      'grpc.max_send_message_length': 256 << 20,
      'grpc.ssl_target_name_override': 'localhost',
      'grpc.default_authority': 'localhost',
      // one private connection to a child process: no retries, no channelz bookkeeping, no name
      // resolution to redo, and a window large enough for a big provider schema in one go
      'grpc.enable_retries': 0,
      'grpc.enable_channelz': 0,
      'grpc.service_config_disable_resolution': 1,
      'grpc-node.flow_control_window': 32 << 20,
    };
    // calls go straight onto this client's channel (unary-rpc.ts)
    this.client = new grpc.Client(target, creds, channelOptions);
    this.methods = hs.protocol === 5 ? svc.v5 : svc.v6;
    const stdio = new svc.stdio(target, creds, channelOptions);
    const controller = new svc.controller(target, creds, channelOptions);
    this.channelClients = [stdio, controller];
    this.controller = controller;
    await new Promise<void>((resolve, reject) => {
      this.client!.waitForReady(Date.now() + (this.opts.startTimeoutMs ?? 60_000), (err) => (err ? reject(err) : resolve()));
    }).catch(async (e: Error) => {
      await this.kill();
      throw new PluginError(`Provider ${name} could not be reached on ${hs.address}: ${e.message}`, this.stderrTail.get());
    });
    this.streamStdio(stdio);
  }

  private controller?: grpc.Client;

  private onStderr(raw: string): void {
    const line = parseLogLine(raw);
    // what explains a failure: plain text (prints, panics) and structured warnings and errors
    if (!raw.startsWith('{') || line.level === 'warn' || line.level === 'error') this.stderrTail.push(line.message);
    this.opts.log(this.opts.name, line);
  }

  /** the plugin's redirected os.Stdout/os.Stderr (fmt.Print in a provider) come over this stream */
  private streamStdio(stdio: grpc.Client): void {
    const call = (stdio as unknown as { StreamStdio(req: object): grpc.ClientReadableStream<{ channel?: string; data?: Buffer }> }).StreamStdio({});
    let partial = '';
    call.on('data', (d: { channel?: string; data?: Buffer }) => {
      partial += Buffer.from(d.data ?? []).toString('utf8');
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) this.onStderr(l);
    });
    call.on('error', () => {
      /* the stream ends with the process */
    });
  }

  private firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
    const { name, binary } = this.opts;
    return new Promise((resolve, reject) => {
      let buf = '';
      const onData = (d: Buffer) => {
        buf += d.toString('utf8');
        const i = buf.indexOf('\n');
        if (i >= 0) {
          done();
          resolve(buf.slice(0, i));
        }
      };
      const onExit = () => {
        done();
        // give the stderr reader a moment to take the last lines
        setTimeout(
          () =>
            reject(
              new PluginError(
                `Provider ${name} (${binary}) ${this.exitInfo ?? 'exited'} before completing the plugin handshake; it is not a Terraform provider or it failed to start.`,
                this.stderrTail.get(),
              ),
            ),
          50,
        );
      };
      const timer = setTimeout(() => {
        done();
        void this.kill().then(() => reject(new PluginError(`Provider ${name} (${binary}) did not complete the plugin handshake within ${Math.round(timeoutMs / 1000)} s.`, this.stderrTail.get())));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.off('exit', onExit);
        child.off('error', onExit);
      };
      child.stdout!.on('data', onData);
      child.once('exit', onExit);
      child.once('error', onExit);
    });
  }

  /** GRPCController.Shutdown, then SIGTERM, then SIGKILL if it still runs. */
  async stop(graceMs = 2_000): Promise<void> {
    if (!this.child) return;
    if (this.alive && this.controller) {
      await new Promise<void>((resolve) => {
        (this.controller as unknown as { Shutdown(req: object, opts: grpc.CallOptions, cb: () => void): void }).Shutdown({}, { deadline: Date.now() + graceMs }, () => resolve());
      });
    }
    await this.kill(graceMs);
  }

  async kill(graceMs = 1_000): Promise<void> {
    const child = this.child;
    if (child && this.exitInfo === undefined) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(t);
    }
    this.client?.close();
    for (const c of this.channelClients) c.close();
  }

  /** resolves when the process has gone */
  waitExit(): Promise<void> {
    return this.exited ?? Promise.resolve();
  }
}
