// Where a rendered Kustomize object comes from. Ballast renders through a wrapper kustomization
// with `buildMetadata: [originAnnotations]`, so kustomize itself writes each object's origin
// (`config.kubernetes.io/origin`: the resource file, or the kustomization whose generator made
// it) into the object; here that annotation is read, turned into the file and line of the
// object's own document, and removed again before the object is applied.

import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parse as parseYaml, parseDocument } from 'yaml';
import { readObjects, type KubeObject, type SourcedObject } from './read-objects.ts';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

interface Origin {
  /** the resource file, relative to the kustomization root that rendered it */
  path?: string;
  /** the kustomization whose generator made the object */
  configuredIn?: string;
  configuredBy?: { kind?: string };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The wrapper kustomization that renders `dir` with origin annotations, written in `wrapperDir`. */
export function originWrapper(wrapperDir: string, dir: string): string {
  return `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ${JSON.stringify(relative(wrapperDir, dir))}\nbuildMetadata: [originAnnotations]\n`;
}

/** Whether the user's own kustomization asks for origin annotations (then they stay on the objects). */
export function keepsOrigins(kustomizationText: string): boolean {
  try {
    const k: unknown = parseYaml(kustomizationText);
    return isRecord(k) && Array.isArray(k.buildMetadata) && k.buildMetadata.includes('originAnnotations');
  } catch {
    return false; // kustomize read the file already; a parse problem here only means "no"
  }
}

/**
 * Each rendered object with the file and line that define it (`stackDir` names them in messages)
 * and without the origin annotation Ballast added. Paths in the annotations are relative to
 * `renderRoot`, the directory of the kustomization that was rendered.
 */
export function locateRendered(objects: readonly SourcedObject[], renderRoot: string, stackDir: string, keep: boolean): SourcedObject[] {
  const files = new Map<string, SourcedObject[] | null>();
  const objectsIn = (file: string): SourcedObject[] | null => {
    if (!files.has(file)) {
      try {
        files.set(file, readObjects(readFileSync(file, 'utf8'), file, file));
      } catch {
        files.set(file, null); // a remote base, or a file kustomize reads but we cannot: no line
      }
    }
    return files.get(file)!;
  };
  return objects.map((so) => {
    const origin = originOf(so.object);
    const object = keep ? so.object : withoutOrigin(so.object);
    if (!origin) return { ...so, object };
    let at: { file: string; line: number } | undefined;
    if (origin.path) {
      const file = resolve(renderRoot, origin.path);
      const defined = objectsIn(file);
      if (defined) at = { file, line: bestMatch(so.object, defined)?.at?.line ?? 1 };
    } else if (origin.configuredIn) {
      const file = resolve(renderRoot, origin.configuredIn);
      at = generatorLine(file, so.object.metadata.name);
    }
    if (!at) return { ...so, object };
    return { object, source: `${relative(stackDir, at.file) || at.file}:${at.line}`, at };
  });
}

function originOf(o: KubeObject): Origin | undefined {
  const ann = o.metadata.annotations;
  const text = isRecord(ann) ? ann[ORIGIN_ANNOTATION] : undefined;
  if (typeof text !== 'string') return undefined;
  try {
    const v: unknown = parseYaml(text);
    return isRecord(v) ? (v as Origin) : undefined;
  } catch {
    return undefined;
  }
}

function withoutOrigin(o: KubeObject): KubeObject {
  const ann = o.metadata.annotations;
  if (!isRecord(ann) || !(ORIGIN_ANNOTATION in ann)) return o;
  const { [ORIGIN_ANNOTATION]: _, ...rest } = ann;
  // same key order as rendered; no annotations at all when the origin was the only one
  const metadata: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o.metadata)) {
    if (k !== 'annotations') metadata[k] = v;
    else if (Object.keys(rest).length) metadata[k] = rest;
  }
  return { ...o, metadata: metadata as KubeObject['metadata'] };
}

/**
 * The document of `rendered` among the objects of its source file: same kind, and the longest
 * original name the rendered one contains (namePrefix/nameSuffix and hashes only add to it).
 */
function bestMatch(rendered: KubeObject, defined: readonly SourcedObject[]): SourcedObject | undefined {
  const sameKind = defined.filter((d) => d.object.kind === rendered.kind);
  const named = sameKind.filter((d) => rendered.metadata.name.includes(d.object.metadata.name)).sort((a, b) => b.object.metadata.name.length - a.object.metadata.name.length);
  return named[0] ?? (sameKind.length === 1 ? sameKind[0] : undefined);
}

/** The line of the generator entry (configMapGenerator/secretGenerator item) that made `name`. */
function generatorLine(file: string, name: string): { file: string; line: number } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  let best: { line: number; len: number } | undefined;
  if (isMap(doc.contents)) {
    for (const key of ['configMapGenerator', 'secretGenerator']) {
      const seq = doc.contents.get(key, true);
      if (!isSeq(seq)) continue;
      for (const item of seq.items) {
        if (!isMap(item)) continue;
        const n = item.get('name', true);
        const value = isScalar(n) ? n.value : undefined;
        if (typeof value === 'string' && name.includes(value) && (!best || value.length > best.len) && item.range) {
          best = { line: lines.linePos(item.range[0]).line, len: value.length };
        }
      }
    }
  }
  return { file, line: best?.line ?? 1 };
}
