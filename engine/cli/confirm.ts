// Asks for explicit approval on the terminal: only the exact answer "yes" approves.
// Without an answer (closed or empty stdin) nothing is applied.

export async function confirm(question: string): Promise<boolean> {
  // loaded when a question is asked: plan and --auto-approve never ask
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write(question);
  try {
    const answer = await new Promise<string | null>((resolve) => {
      rl.once('line', (line) => resolve(line));
      rl.once('close', () => resolve(null));
    });
    if (answer === null) process.stderr.write('\n(no answer on standard input; use --auto-approve to apply without asking)\n');
    return answer?.trim() === 'yes';
  } finally {
    rl.close();
  }
}
