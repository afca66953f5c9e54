// Sensitive marks that follow values through a provider. A provider sees only plain values,
// so what it computes from a secret (terraform_data's `output` from `input`, an attribute that
// echoes its argument) comes back unmarked. Terraform keeps such values hidden; here every
// place of the object that holds a secret's value (equal to it, or a string containing a
// secret string) is marked too, and marks still inside values are lifted into paths, so state
// always gets plain attributes plus the complete list of sensitive paths.

import { getPath, isObject, isUnknown, unmark, valuesEqual, type Path, type Value, type ValueObject } from '../lang/value.ts';
import { mergePaths } from './schema-sensitive.ts';

/** Strings shorter than this are only matched whole: a short secret inside longer text is noise. */
const MIN_CONTAINED = 6;

/** Plain attributes and all their sensitive paths: the given ones, lifted marks and followed values. */
export function sensitiveState(attributes: ValueObject, paths: readonly Path[]): { attributes: ValueObject; sensitivePaths: Path[] } {
  const lifted = unmark(attributes);
  const plain = lifted.value as ValueObject;
  return { attributes: plain, sensitivePaths: followSensitive(plain, mergePaths([...paths], lifted.paths)) };
}

/** `paths` plus the paths of every other place in `v` that holds one of the secrets found at `paths`. */
export function followSensitive(v: Value, paths: readonly Path[]): Path[] {
  if (paths.length === 0) return [...paths];
  const secrets: Value[] = [];
  for (const p of paths) {
    const s = getPath(v, p);
    if (s === undefined || s === null || typeof s === 'boolean' || s === '' || isUnknown(s)) continue;
    if ((Array.isArray(s) && s.length === 0) || (isObject(s) && Object.keys(s).length === 0)) continue;
    secrets.push(unmark(s).value);
  }
  if (secrets.length === 0) return [...paths];
  const strings = secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_CONTAINED);
  const marked = new Set(paths.map((p) => JSON.stringify(p)));
  const found: Path[] = [];
  const visit = (x: Value, at: Path): void => {
    if (marked.has(JSON.stringify(at))) return;
    if (isUnknown(x) || x === null || typeof x === 'boolean') return;
    if (at.length > 0 && (secrets.some((s) => valuesEqual(s, x)) || (typeof x === 'string' && strings.some((s) => x.includes(s))))) {
      found.push(at.slice());
      return;
    }
    if (Array.isArray(x))
      x.forEach((y, i) => {
        at.push(i);
        visit(y, at);
        at.pop();
      });
    else if (isObject(x))
      for (const k of Object.keys(x)) {
        at.push(k);
        visit(x[k], at);
        at.pop();
      }
  };
  visit(unmark(v).value, []);
  return mergePaths([...paths], found);
}
