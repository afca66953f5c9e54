// The digest chain of a stack's history. Every version records the sha256 digest of its
// parent's stored bytes, so one changed, removed or inserted version breaks a link that no
// edit of that version alone can mend. Stores check the whole chain before they hand out any
// version (current, get, list), which makes the history tamper-evident: a version that was
// edited after the fact is refused instead of shown, planned against or rolled back to.

import type { StateVersion, VersionInfo } from './model.ts';
import { versionInfo } from './serialize.ts';

/** What the chain check needs of one stored version. */
export interface ChainEntry {
  readonly serial: number;
  /** digest of the stored bytes */
  readonly digest: string;
  readonly parentDigest: string | null;
  readonly lineage: string;
  readonly stack: string;
  readonly configDigest: string | null;
  /** where the version is stored, for messages */
  readonly origin: string;
  readonly info: VersionInfo;
}

export function chainEntry(v: StateVersion, digest: string, origin: string): ChainEntry {
  return { serial: v.serial, digest, parentDigest: v.parentDigest, lineage: v.lineage, stack: v.stack, configDigest: v.configDigest, origin, info: versionInfo(v, digest) };
}

/** A history whose digest chain does not hold; the message names the broken link. */
export class BrokenChainError extends Error {
  constructor(
    readonly where: string,
    readonly serial: number,
    problem: string,
  ) {
    super(
      `state history of ${where} is broken at version ${serial}: ${problem}. A recorded version was changed, removed or ` +
        `added outside Ballast; Ballast will not use versions it cannot vouch for. Restore the original file or object ` +
        `(from a backup, or the S3 object version) and check again with: ballast history --verify`,
    );
    this.name = 'BrokenChainError';
  }
}

/**
 * Checks entries (any order) form one unbroken chain 1..N: no gaps, no duplicates, one lineage
 * and stack, each version naming the digest of the one before. Returns them sorted by serial.
 */
export function checkChain(entries: readonly ChainEntry[], where: string): ChainEntry[] {
  const sorted = [...entries].sort((a, b) => a.serial - b.serial);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    const want = i + 1;
    if (e.serial !== want) {
      if (e.serial === sorted[i - 1]?.serial) {
        throw new BrokenChainError(where, e.serial, `two stored versions claim serial ${e.serial} (${sorted[i - 1].origin} and ${e.origin})`);
      }
      throw new BrokenChainError(where, want, `version ${want} is missing (the next stored version is ${e.serial}, ${e.origin})`);
    }
    if (i === 0) {
      if (e.parentDigest !== null) throw new BrokenChainError(where, 1, `version 1 (${e.origin}) names a parent, ${e.parentDigest}`);
      continue;
    }
    const prev = sorted[i - 1];
    if (e.lineage !== prev.lineage) {
      throw new BrokenChainError(where, e.serial, `version ${e.serial} (${e.origin}) has lineage ${e.lineage}, but version ${prev.serial} has lineage ${prev.lineage}`);
    }
    if (e.stack !== prev.stack) {
      throw new BrokenChainError(where, e.serial, `version ${e.serial} (${e.origin}) is of stack "${e.stack}", but version ${prev.serial} is of stack "${prev.stack}"`);
    }
    if (e.parentDigest !== prev.digest) {
      throw new BrokenChainError(
        where,
        e.serial,
        `version ${e.serial} (${e.origin}) records its parent's digest as ${e.parentDigest}, but version ${prev.serial} ` +
          `(${prev.origin}) now has digest ${prev.digest}: the link from version ${prev.serial} to version ${e.serial} is broken`,
      );
    }
  }
  return sorted;
}
