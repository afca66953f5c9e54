// Filesystem functions. Relative paths resolve against ctx.baseDir (the stack's directory).

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, posix, resolve } from 'node:path';
import { isObject, markSet, type ValueObject } from '../value.ts';
import { param, str } from './define.ts';
import { utf8OrFail } from './encoding.ts';
import { FunctionArgumentError, type FunctionContext, type FunctionDef } from './function.ts';
import { compileGlob, GlobSyntaxError, globMatches } from './glob.ts';

const S = 'string' as const;

function resolvePath(ctx: FunctionContext, p: string): string {
  return resolve(ctx.baseDir, expandHome(p));
}

function expandHome(p: string): string {
  if (p === '~') return homedir();
  if (p.startsWith('~/')) return homedir() + p.slice(1);
  return p;
}

function readBytes(ctx: FunctionContext, p: string, argIndex: number): Buffer {
  const full = resolvePath(ctx, p);
  try {
    return readFileSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new FunctionArgumentError(argIndex, `no file exists at ${JSON.stringify(p)}; this function works only with files that are distributed as part of the configuration source code`);
    if (code === 'EISDIR') throw new FunctionArgumentError(argIndex, `${JSON.stringify(p)} is a directory, not a file`);
    throw new FunctionArgumentError(argIndex, `failed to read file ${JSON.stringify(p)}: ${code ?? (e as Error).message}`);
  }
}

function fileHash(algorithm: string, encoding: 'hex' | 'base64'): FunctionDef {
  return {
    params: [param('path', S)],
    returnType: S,
    impl: ([p], ctx) =>
      createHash(algorithm)
        .update(readBytes(ctx, str(p, 0), 0))
        .digest(encoding),
  };
}

export const filesystemFunctions: Record<string, FunctionDef> = {
  file: {
    params: [param('path', S)],
    returnType: S,
    impl: ([p], ctx) => {
      const path = str(p, 0);
      const bytes = readBytes(ctx, path, 0);
      return utf8OrFail(bytes, 0, `reading ${JSON.stringify(path)}; use filebase64 for binary files`);
    },
  },
  fileexists: {
    params: [param('path', S)],
    returnType: 'bool',
    impl: ([p], ctx) => {
      const full = resolvePath(ctx, str(p, 0));
      if (!existsSync(full)) return false;
      if (!statSync(full).isFile()) throw new FunctionArgumentError(0, `${JSON.stringify(p)} is not a regular file, but ${statSync(full).isDirectory() ? 'a directory' : 'something else'}`);
      return true;
    },
  },
  filebase64: {
    params: [param('path', S)],
    returnType: S,
    impl: ([p], ctx) => readBytes(ctx, str(p, 0), 0).toString('base64'),
  },
  filemd5: fileHash('md5', 'hex'),
  filesha1: fileHash('sha1', 'hex'),
  filesha256: fileHash('sha256', 'hex'),
  filesha512: fileHash('sha512', 'hex'),
  filebase64sha256: fileHash('sha256', 'base64'),
  filebase64sha512: fileHash('sha512', 'base64'),
  templatefile: {
    // as Terraform's: unknown variables only make the result unknown where the template uses them
    params: [param('path', S), param('vars', 'dynamic', { allowUnknownInside: true })],
    impl: ([p, vars], ctx) => {
      const path = str(p, 0);
      if (!isObject(vars)) throw new FunctionArgumentError(1, 'invalid vars value: must be a map or object');
      checkTemplateVarNames(vars);
      const text = utf8OrFail(readBytes(ctx, path, 0), 0, `reading ${JSON.stringify(path)}`);
      return ctx.renderTemplate(text, vars, resolvePath(ctx, path));
    },
  },
  fileset: {
    params: [param('path', S), param('pattern', S)],
    returnType: { set: S },
    impl: ([p, pat], ctx) => {
      const base = str(p, 0);
      const pattern = str(pat, 1);
      let glob;
      try {
        glob = compileGlob(pattern);
      } catch (e) {
        if (e instanceof GlobSyntaxError) throw new FunctionArgumentError(null, `failed to glob pattern ${JSON.stringify(posix.join(base, pattern))}: ${e.message}`);
        throw e;
      }
      const root = resolvePath(ctx, base);
      const found: string[] = [];
      for (const rel of filesBelow(root)) if (globMatches(glob, rel)) found.push(rel);
      return markSet(found.sort());
    },
  },
  // the evaluator refuses a literal template as the first argument (see evaluate.ts)
  templatestring: {
    params: [param('template', S), param('vars', 'dynamic')],
    impl: ([t, vars], ctx) => {
      if (!isObject(vars)) throw new FunctionArgumentError(1, 'invalid vars value: must be a map or object');
      checkTemplateVarNames(vars);
      // the template sees only its vars; relative paths inside it resolve against the stack
      return ctx.renderTemplate(str(t, 0), vars, 'templatestring');
    },
  },
  abspath: {
    params: [param('path', S)],
    returnType: S,
    impl: ([p], ctx) => {
      const path = str(p, 0);
      return isAbsolute(path) ? resolve(path) : resolve(ctx.baseDir, path);
    },
  },
  basename: { params: [param('path', S)], returnType: S, impl: ([p]) => goBase(str(p, 0)) },
  dirname: { params: [param('path', S)], returnType: S, impl: ([p]) => goDir(str(p, 0)) },
  pathexpand: { params: [param('path', S)], returnType: S, impl: ([p]) => expandHome(str(p, 0)) },
};

function checkTemplateVarNames(vars: ValueObject): void {
  for (const k of Object.keys(vars)) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k))
      throw new FunctionArgumentError(1, `invalid template variable name ${JSON.stringify(k)}: must start with a letter, followed by zero or more letters, digits, and underscores`);
  }
}

/** Paths (with "/") of the regular files below `root`, following symlinks to files; none when it is missing. */
function filesBelow(root: string): string[] {
  const out: string[] = [];
  // a symlinked directory can lead back up the tree: visit each directory once
  const seen = new Set<string>();
  const walk = (dir: string, prefix: string): void => {
    const self = statSync(dir, { throwIfNoEntry: false });
    if (!self || seen.has(`${self.dev}:${self.ino}`)) return;
    seen.add(`${self.dev}:${self.ino}`);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      const st = statSync(full, { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(full, `${prefix}${name}/`);
      else if (st?.isFile()) out.push(prefix + name);
    }
  };
  walk(root, '');
  return out;
}

/** Go's filepath.Base: "" -> ".", trailing slashes ignored, "/" -> "/". */
function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return basename(trimmed);
}

/** Go's filepath.Dir: everything but the last element, cleaned; "" -> ".". */
function goDir(p: string): string {
  const dir = p.slice(0, p.lastIndexOf('/') + 1);
  let cleaned = posix.normalize(dir === '' ? '.' : dir);
  if (cleaned.length > 1 && cleaned.endsWith('/')) cleaned = cleaned.slice(0, -1);
  return cleaned;
}
