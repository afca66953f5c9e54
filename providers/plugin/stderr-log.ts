// A provider's stderr: go-plugin and terraform-plugin-log write one JSON object per line
// ({"@level":"debug","@message":…}); panics and plain prints are raw text. Lines go to Ballast's
// log at their own level, and the last few are kept to explain a crash.

export type PluginLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface PluginLogLine {
  readonly level: PluginLogLevel;
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

export type PluginLogSink = (provider: string, line: PluginLogLine) => void;

const LEVELS: readonly PluginLogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

export function parseLogLine(raw: string): PluginLogLine {
  const text = raw.trimEnd();
  if (text.startsWith('{')) {
    try {
      const o = JSON.parse(text) as Record<string, unknown>;
      const lvl = String(o['@level'] ?? 'debug').toLowerCase();
      const level = (LEVELS as readonly string[]).includes(lvl) ? (lvl as PluginLogLevel) : lvl === 'warning' ? 'warn' : 'debug';
      const fields = Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('@')));
      return { level, message: String(o['@message'] ?? ''), fields };
    } catch {
      // not JSON after all: fall through to raw text
    }
  }
  // raw text is what a crashing provider prints (a Go panic, a fatal error): worth seeing
  return { level: /panic|fatal|error/i.test(text) ? 'error' : 'debug', message: text, fields: {} };
}

/** TF_LOG's levels (TRACE, DEBUG, INFO, WARN, ERROR; JSON means TRACE) as a threshold. */
export function levelThreshold(tfLog: string | undefined): PluginLogLevel | undefined {
  if (!tfLog) return undefined;
  const v = tfLog.trim().toLowerCase();
  if (v === 'json') return 'trace';
  if (v === 'warning') return 'warn';
  return (LEVELS as readonly string[]).includes(v) ? (v as PluginLogLevel) : 'trace';
}

export function atLeast(level: PluginLogLevel, threshold: PluginLogLevel): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(threshold);
}

/** Writes provider lines to stderr when TF_LOG asks for them. */
export function stderrSink(env: NodeJS.ProcessEnv): PluginLogSink {
  const threshold = levelThreshold(env.TF_LOG);
  return (provider, line) => {
    if (!threshold || !atLeast(line.level, threshold)) return;
    process.stderr.write(`${new Date().toISOString()} ${line.level.toUpperCase()} provider=${provider} ${line.message}\n`);
  };
}

/** Keeps the last lines of text, and a Go panic or fatal error from its first line on. */
export class LineTail {
  private readonly lines: string[] = [];
  private crash: string[] | undefined;
  constructor(private readonly max = 12) {}
  push(line: string): void {
    if (/^(panic: |fatal error: )/.test(line)) this.crash = [line];
    else if (this.crash && this.crash.length < this.max) this.crash.push(line);
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
  /** the panic (its goroutine dump is long and its first lines say what happened), else the last lines */
  get(): string[] {
    return [...(this.crash ?? this.lines)];
  }
}
