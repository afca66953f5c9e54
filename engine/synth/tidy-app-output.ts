// Trims what a failed app printed down to what its author needs: their error, their frames.
// Drops node's own frames and the frames of the loader Ballast runs the app with (tsx,
// esbuild), the "node:internal/... triggerUncaughtException" header and the version trailer.

const LOADER_FRAME = /^\s*at (.*\(node:|node:|.*\/node_modules\/(tsx|esbuild|get-tsconfig)\/)/;
const INTERNAL_HEADER = /^node:internal\/\S+:\d+$/;

export function tidyAppOutput(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (INTERNAL_HEADER.test(line)) {
      // header, the source line of node's own code, and its caret line
      if (lines[i + 2]?.trim() === '^') i += 2;
      continue;
    }
    if (LOADER_FRAME.test(line)) {
      // node prints the error's extra properties after the last frame: `at ... {` ... `}`
      if (line.endsWith(' {')) while (i + 1 < lines.length && lines[i]!.trim() !== '}') i++;
      continue;
    }
    if (/^Node\.js v\d+\.\d+\.\d+$/.test(line)) continue;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
