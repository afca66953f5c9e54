// Terraform's machine-readable UI (`terraform plan -json`, `apply -json`): one JSON object per
// line with `@level`, `@message`, `@module`, `@timestamp` and a `type`. Ballast writes the same
// types and keys for what it does: version, refresh_start / refresh_complete, resource_drift,
// planned_change, change_summary, outputs, apply_start / apply_progress / apply_complete /
// apply_errored and diagnostic (with a source snippet where the diagnostic has a position). Secrets never
// appear: sensitive outputs carry no value, as in Terraform.

import { parseInstance } from '../addrs.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { sourceContext } from '../diagnostic-source.ts';
import { Sensitive, Unknown, type Value } from '../lang/value.ts';
import { summarize, type OutputChange, type Plan, type ResourceChange } from '../plan/plan.ts';
import type { OutputState } from '../../state/model.ts';
import type { ApplyEvent } from '../apply/apply.ts';
import type { RefreshEvent } from '../plan/refresh.ts';
import { ctyTypeJson, withoutUnknown } from '../plan/render/json-values.ts';
import { redact } from '../plan/render/json-encoding.ts';
import type { ProgressClock } from './apply-progress.ts';
import { applySummary, importCount } from './apply-summary.ts';
import { stringifyJson } from '../lang/json-numbers.ts';
import type { Json } from '../plan/render/json-encoding.ts';

type JsonObject = { [k: string]: Json };

/** The UI format version Terraform 1.11 writes. */
export const UI_VERSION = '1.2';

export interface UiJsonWriter {
  version(engineVersion: string): void;
  plan(plan: Plan): void;
  /** `apply` after an apply, `plan` (the default) after a plan */
  /** `import`: the objects import blocks adopt (planned) or adopted (applied) */
  summary(s: { add: number; change: number; destroy: number; import?: number }, operation: 'plan' | 'apply' | 'destroy'): void;
  appliedOutputs(outputs: Readonly<Record<string, OutputState>>): void;
  diagnostic(d: Diagnostic): void;
  /** refresh_start / refresh_complete of one object (not a method: handed on as a callback) */
  readonly refreshEvent: (e: RefreshEvent) => void;
  /** an apply event sink; `ids` gives the prior id of an object being changed */
  applyEvents(ids: (address: string) => string | undefined, opts?: { clock?: ProgressClock; intervalMs?: number }): { onEvent: (e: ApplyEvent) => void; stop: () => void };
}

function resourceJson(address: string): JsonObject {
  const a = parseInstance(address);
  const local = a.mode === 'data' ? `data.${a.type}.${a.name}` : `${a.type}.${a.name}`;
  const key = a.key === undefined ? '' : typeof a.key === 'number' ? `[${a.key}]` : `[${JSON.stringify(a.key)}]`;
  return {
    addr: address,
    module: a.module ?? '',
    resource: `${local}${key}`,
    implied_provider: a.type.split('_')[0]!,
    resource_type: a.type,
    resource_name: a.name,
    resource_key: a.key ?? null,
  };
}

const PLAN_ACTION: Record<string, string> = { create: 'create', read: 'read', update: 'update', delete: 'delete', 'delete-then-create': 'replace', 'create-then-delete': 'replace' };

function hookAction(action: string): 'create' | 'update' | 'delete' | 'read' {
  if (action === 'update') return 'update';
  if (action === 'destroy' || action === 'delete') return 'delete';
  if (action === 'read') return 'read';
  return 'create';
}
const HOOK_WORDS = {
  create: ['Creating...', 'Still creating...', 'Creation complete', 'Creation errored'],
  update: ['Modifying...', 'Still modifying...', 'Modifications complete', 'Modifications errored'],
  delete: ['Destroying...', 'Still destroying...', 'Destruction complete', 'Destruction errored'],
  read: ['Reading...', 'Still reading...', 'Read complete', 'Read errored'],
} as const;

function outputValueJson(v: Value | undefined, sensitive: boolean): JsonObject {
  const out: JsonObject = { sensitive };
  if (v === undefined || v instanceof Unknown) return out;
  out.type = ctyTypeJson(v);
  if (!sensitive && !(v instanceof Sensitive)) out.value = redact(withoutUnknown(v), undefined, undefined) as Json;
  return out;
}

export function uiJsonWriter(write: (line: string) => void, now: () => Date = () => new Date()): UiJsonWriter {
  const emit = (level: 'info' | 'warn' | 'error', message: string, type: string, body: JsonObject) => {
    write(stringifyJson({ '@level': level, '@message': message, '@module': 'terraform.ui', '@timestamp': now().toISOString(), ...body, type }, undefined, true) + '\n');
  };
  const started = new Map<string, number>();
  return {
    version(engineVersion) {
      const v = engineVersion.replace(/^ballast\//, '');
      emit('info', `Ballast ${v}`, 'version', { terraform: v, ui: UI_VERSION, ballast: v });
    },
    refreshEvent(e) {
      const hook: JsonObject = { resource: resourceJson(e.address), ...(e.id ? { id_key: 'id', id_value: e.id } : {}) };
      const id = e.id ? ` [id=${e.id}]` : '';
      if (e.kind === 'start') emit('info', `${e.address}: Refreshing state...${id}`, 'refresh_start', { hook });
      else emit('info', `${e.address}: Refresh complete${id}`, 'refresh_complete', { hook });
    },
    plan(plan) {
      // objects changed outside Ballast: reverted by the plan, or (policy alert) only reported
      const drifted = [
        ...plan.drift.filter((c) => c.action !== 'no-op').map((c) => ({ address: c.address, action: c.action === 'delete' ? 'delete' : 'update' })),
        ...(plan.driftAlerts ?? []).map((a) => ({ address: a.address, action: a.deleted ? 'delete' : 'update' })),
      ].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
      for (const d of drifted) emit('info', `${d.address}: Drift detected (${d.action})`, 'resource_drift', { change: { resource: resourceJson(d.address), action: d.action } });
      const changes = [...plan.changes].filter((c: ResourceChange) => c.action !== 'no-op' || c.previousAddress);
      for (const c of changes) {
        const action = c.action === 'no-op' ? 'move' : PLAN_ACTION[c.action]!;
        const change: JsonObject = { resource: resourceJson(c.address), action };
        if (c.previousAddress) change.previous_resource = resourceJson(c.previousAddress);
        if (c.reason) change.reason = c.reason;
        if (c.importing) change.importing = { id: c.importing.id };
        emit('info', `${c.address}: Plan to ${action}`, 'planned_change', { change });
      }
      this.summary({ ...summarize(plan.changes), import: importCount(plan) }, 'plan');
      // as Terraform: every output, unchanged ones with action "noop"
      const outs = plan.outputs;
      if (outs.length)
        emit('info', `Outputs: ${outs.length}`, 'outputs', {
          outputs: Object.fromEntries(outs.map((o: OutputChange) => [o.name, { sensitive: o.sensitive, action: o.action === 'no-op' ? 'noop' : o.action }])),
        });
    },
    summary(s, operation) {
      const imports = s.import ?? 0;
      const message = operation === 'plan' ? `Plan: ${imports ? `${imports} to import, ` : ''}${s.add} to add, ${s.change} to change, ${s.destroy} to destroy.` : applySummary(s, operation);
      emit('info', message, 'change_summary', { changes: { add: s.add, change: s.change, import: imports, remove: s.destroy, operation } });
    },
    appliedOutputs(outputs) {
      const names = Object.keys(outputs).sort();
      emit('info', `Outputs: ${names.length}`, 'outputs', {
        outputs: Object.fromEntries(names.map((n) => [n, outputValueJson(outputs[n]!.value as Value, outputs[n]!.sensitive || outputs[n]!.valueSensitive === true)])),
      });
    },
    diagnostic(d) {
      const diagnostic: JsonObject = { severity: d.severity, summary: d.summary, detail: d.detail ?? '' };
      if (d.where?.address) diagnostic.address = d.where.address;
      const r = d.where?.range;
      const src = sourceContext(r);
      if (src?.code) {
        // Terraform's range (1-based columns, byte offsets in the file) and snippet (the line, byte offsets in it)
        const c = src.code;
        const bytes = (n: number) => Buffer.byteLength(c.text.slice(0, n));
        diagnostic.range = {
          filename: src.file,
          start: { line: src.line, column: c.start + 1, byte: c.startByte },
          end: { line: src.line, column: c.end + 1, byte: c.endByte },
        };
        diagnostic.snippet = { context: src.block ?? null, code: c.text, start_line: src.line, highlight_start_offset: bytes(c.start), highlight_end_offset: bytes(c.end), values: [] };
      } else if (r?.file && r.line) diagnostic.range = { filename: r.file, start: { line: r.line, column: r.column ?? 1 }, end: { line: r.line, column: r.column ?? 1 } };
      emit(d.severity === 'error' ? 'error' : 'warn', `${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.summary}`, 'diagnostic', { diagnostic });
    },
    applyEvents(ids, opts = {}) {
      const clock = opts.clock ?? {
        setInterval: (fn: () => void, ms: number) => {
          const h = setInterval(fn, ms);
          h.unref();
          return h;
        },
        clearInterval: (h: unknown) => clearInterval(h as NodeJS.Timeout),
        now: () => Date.now(),
      };
      const every = opts.intervalMs ?? 10_000;
      const timers = new Map<string, unknown>();
      const stopOne = (k: string) => {
        if (timers.has(k)) clock.clearInterval(timers.get(k));
        timers.delete(k);
      };
      return {
        onEvent: (e) => {
          const action = hookAction(e.action);
          const words = HOOK_WORDS[action];
          const k = `${e.address} ${action === 'delete' ? 'delete' : 'other'}`;
          const resource = resourceJson(e.address);
          if (e.kind === 'start') {
            const id = action === 'create' || action === 'read' ? undefined : ids(e.address);
            const hook: JsonObject = { resource, action, ...(id ? { id_key: 'id', id_value: id } : {}) };
            emit('info', `${e.address}: ${words[0]}${id ? ` [id=${id}]` : ''}`, 'apply_start', { hook });
            const t0 = clock.now();
            started.set(k, t0);
            timers.set(
              k,
              clock.setInterval(() => {
                const s = Math.floor((clock.now() - t0) / 1000);
                emit('info', `${e.address}: ${words[1]} [${s}s elapsed]`, 'apply_progress', { hook: { resource, action, elapsed_seconds: s } });
              }, every),
            );
          } else if (e.kind === 'done') {
            stopOne(k);
            const s = Math.floor(e.ms / 1000);
            emit('info', `${e.address}: ${words[2]} after ${s}s${e.id ? ` [id=${e.id}]` : ''}`, 'apply_complete', {
              hook: { resource, action, ...(e.id ? { id_key: 'id', id_value: e.id } : {}), elapsed_seconds: s },
            });
          } else {
            stopOne(k);
            const s = Math.floor((clock.now() - (started.get(k) ?? clock.now())) / 1000);
            emit('error', `${e.address}: ${words[3]} after ${s}s`, 'apply_errored', { hook: { resource, action, elapsed_seconds: s } });
          }
        },
        stop: () => {
          for (const k of [...timers.keys()]) stopOne(k);
        },
      };
    },
  };
}
