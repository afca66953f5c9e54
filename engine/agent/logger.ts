// Structured logs: one JSON object per line (pino) when stderr is not a terminal, a short
// readable line when it is. Fields that could carry credentials are redacted by name as a last
// line of defence; the agent never puts secrets in log fields to begin with.

import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

const REDACT = ['token', 'secret', 'password', 'authorization', 'webhookSecret', '*.token', '*.secret', '*.password', '*.authorization', 'headers["x-hub-signature-256"]'];

export interface LoggerOptions {
  readonly level?: string;
  /** default process.stderr */
  readonly destination?: NodeJS.WritableStream & { isTTY?: boolean };
  /** force JSON (true) or the terminal form (false); default: JSON unless the destination is a TTY */
  readonly json?: boolean;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const dest = opts.destination ?? process.stderr;
  const json = opts.json ?? !(dest as { isTTY?: boolean }).isTTY;
  const base = { level: opts.level ?? process.env.BALLAST_LOG_LEVEL ?? 'info', redact: { paths: REDACT, censor: '***' }, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  return pino(base, json ? (dest as NodeJS.WritableStream) : terminalStream(dest));
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** `12:00:01 INFO applied stack=app revision=main@sha1:… durationMs=812` */
function terminalStream(dest: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        try {
          const { time, level, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
          const fields = Object.entries(rest)
            .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
            .join(' ');
          dest.write(`${String(time).slice(11, 19)} ${LEVELS[level as number] ?? level} ${msg ?? ''}${fields ? ' ' + fields : ''}\n`);
        } catch {
          dest.write(line + '\n');
        }
      }
      done();
    },
  });
}
