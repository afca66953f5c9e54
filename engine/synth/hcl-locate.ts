// Where a JSON pointer of a merged HCL stack came from: file, line and column. The HCL parser
// (@cdktf/hcl2json) gives values but no positions, so block headers and argument names are
// found in the source text; a pointer resolves to its deepest segment that could be found.

export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

interface Block {
  readonly file: string;
  readonly lines: readonly string[];
  /** 0-based line of the header and of the line after the block */
  readonly start: number;
  readonly end: number;
  readonly column: number;
}

/** Unlabeled blocks that may repeat and are merged into one list (pointer `/moved/INDEX`). */
const LISTED = new Set(['moved', 'removed', 'import']);

/** Top-level blocks: labels as they appear in a pointer (`resource/TYPE/NAME`, `variable/NAME`, `locals`). */
export class HclLocator {
  private readonly blocks = new Map<string, Block>();
  private readonly byFile = new Map<string, Map<string, Block>>();
  /** how many blocks of each LISTED kind the files added so far hold */
  private readonly listed = new Map<string, number>();

  addFile(file: string, text: string): void {
    const lines = text.split('\n');
    const headers: { key: string; line: number; column: number }[] = [];
    let depth = 0;
    let inHeredoc: string | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (inHeredoc) {
        if (line.trim() === inHeredoc) inHeredoc = null;
        continue;
      }
      if (depth === 0) {
        const m = /^(\s*)([a-z_]+)((?:\s+"[^"]*")*)\s*\{/.exec(line);
        if (m) {
          const labels = [...m[3].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
          headers.push({ key: [m[2], ...labels].join('/'), line: i, column: m[1].length + 1 });
        }
      }
      const h = /<<-?([A-Za-z_]+)\s*$/.exec(line);
      depth += braceDelta(line);
      if (h) inHeredoc = h[1];
    }
    const inFile = new Map<string, number>();
    headers.forEach((h, n) => {
      const end = n + 1 < headers.length ? headers[n + 1].line : lines.length;
      // repeated unlabeled blocks (locals, moved, terraform) keep their first position per file
      const key = this.blocks.has(h.key) && !h.key.includes('/') ? `${h.key}#${n}` : h.key;
      const b = { file, lines, start: h.line, end, column: h.column };
      if (!this.blocks.has(key)) this.blocks.set(key, b);
      let mine = this.byFile.get(file);
      if (!mine) this.byFile.set(file, (mine = new Map()));
      if (!mine.has(key)) mine.set(key, b);
      if (LISTED.has(h.key)) {
        // merged into one list in file order: `/moved/3` is the stack's fourth moved block
        const i = this.listed.get(h.key) ?? 0;
        this.listed.set(h.key, i + 1);
        this.blocks.set(`${h.key}/${i}`, b);
        const j = inFile.get(h.key) ?? 0;
        inFile.set(h.key, j + 1);
        mine.set(`${h.key}/${j}`, b);
      }
    });
  }

  /** Position for a pointer such as `/resource/aws_s3_bucket/b/tags/Name`, or undefined. */
  locate(pointer: string, inFile?: string): SourcePosition | undefined {
    const blocks = inFile ? (this.byFile.get(inFile) ?? new Map<string, Block>()) : this.blocks;
    const parts = pointer
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (!parts.length) return undefined;
    if (parts[0] === 'locals') {
      // locals may be spread over several blocks and files: find the one that assigns the name
      for (const [key, b] of blocks) {
        if (key !== 'locals' && !key.startsWith('locals#')) continue;
        const hit = findName(b, b.start + 1, parts[parts.length > 1 && /^\d+$/.test(parts[1]) ? 2 : 1]);
        if (hit) return { file: b.file, line: hit.line + 1, column: hit.column };
      }
      return undefined;
    }
    // the longest block key that is a prefix of the pointer
    let block: Block | undefined;
    let used = 0;
    for (let n = Math.min(parts.length, 3); n >= 1 && !block; n--) {
      block = blocks.get(parts.slice(0, n).join('/'));
      if (block) used = n;
    }
    if (!block) return undefined;
    let pos = { line: block.start, column: block.column };
    for (const seg of parts.slice(used)) {
      if (/^\d+$/.test(seg)) continue;
      const hit = findName(block, pos.line + (pos.line === block.start ? 1 : 0), seg);
      if (!hit) break;
      pos = hit;
    }
    return { file: block.file, line: pos.line + 1, column: pos.column };
  }
}

function findName(b: Block, from: number, name: string): { line: number; column: number } | undefined {
  const re = new RegExp(`^(\\s*)("?)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2\\s*(=|\\{|")`);
  for (let i = from; i < b.end; i++) {
    const m = re.exec(b.lines[i]);
    if (m) return { line: i, column: m[1].length + 1 };
  }
  return undefined;
}

function braceDelta(line: string): number {
  let d = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '#' || (c === '/' && line[i + 1] === '/')) break;
    else if (c === '{') d++;
    else if (c === '}') d--;
  }
  return d;
}
