// Synthesis failed: the app could not be run, or what it produced cannot be read.
// The message always names the directory or file involved.

export class SynthError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SynthError';
  }
}
