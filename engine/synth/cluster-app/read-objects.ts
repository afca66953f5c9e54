// Kubernetes objects from YAML text (multi-document files, `kind: List`), each with where it
// came from, so every later message can name the file and the document.

import { isMap, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import { SynthError } from '../synth-error.ts';

export type KubeObject = { [key: string]: unknown } & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [k: string]: unknown } };

export interface SourcedObject {
  readonly object: KubeObject;
  /** file (relative to the stack directory) and 1-based line of the document */
  readonly source: string;
  /** the file on disk and the document's line, when the YAML came from a file (not kustomize's output) */
  readonly at?: { readonly file: string; readonly line: number };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object in `text`; all problems of the file are reported together in one SynthError. */
export function readObjects(text: string, file: string, path?: string): SourcedObject[] {
  const problems: string[] = [];
  const out: SourcedObject[] = [];
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  const list = Array.isArray(docs) ? docs : [docs];
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  list.forEach((doc, i) => {
    // the document's first line of content (not its "---"), and for a List each item's own line
    const start = lineOf(doc.contents?.range?.[0] ?? doc.range?.[0]);
    const at = `${file}:${start} (document ${i + 1})`;
    if (doc.errors.length) {
      // the parser's first line, without the colon that introduces its source excerpt
      for (const e of doc.errors) problems.push(`${file}:${e.linePos?.[0]?.line ?? lineOf(doc.range?.[0])}: invalid YAML: ${e.message.split('\n')[0]!.replace(/:$/, '')}`);
      return;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return; // an empty document ("---" at the end)
    const items = isRecord(value) && value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
    const itemNodes = items[0] !== value && isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
    const lineOfItem = (j: number) => {
      const node = isSeq(itemNodes) ? itemNodes.items[j] : undefined;
      const offset = node && typeof node === 'object' && 'range' in node ? (node.range as [number, number, number] | undefined)?.[0] : undefined;
      return offset === undefined ? start : lineOf(offset);
    };
    items.forEach((item, j) => {
      const where = items.length > 1 || item !== value ? `${at}, item ${j + 1}` : at;
      const problem = checkObject(item);
      if (problem) problems.push(`${where}: ${problem}`);
      else out.push({ object: item as KubeObject, source: where, ...(path ? { at: { file: path, line: item === value ? start : lineOfItem(j) } } : {}) });
    });
  });
  if (problems.length) throw new SynthError(problems.join('\n'));
  return out;
}

function checkObject(v: unknown): string | undefined {
  if (!isRecord(v)) return 'expected a Kubernetes object (a mapping with apiVersion, kind and metadata)';
  if (typeof v.apiVersion !== 'string' || v.apiVersion === '') return 'the object has no apiVersion';
  if (typeof v.kind !== 'string' || v.kind === '') return 'the object has no kind';
  const meta = v.metadata;
  if (!isRecord(meta) || typeof meta.name !== 'string' || meta.name === '') {
    return `the ${v.kind} has no metadata.name${isRecord(meta) && meta.generateName ? ' (generateName is not supported: Ballast tracks objects by name)' : ''}`;
  }
  if (meta.namespace !== undefined && typeof meta.namespace !== 'string') return `the ${v.kind} "${meta.name}" has a metadata.namespace that is not a string`;
  return undefined;
}
