// Exit codes are decided here and only here: 0 success, 1 error, 2 changes present (with
// --detailed-exitcode). A CliExit carries a code whose message, if any, was already printed.

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_CHANGES = 2;

export class CliExit extends Error {
  constructor(
    readonly code: number,
    message = '',
  ) {
    super(message);
    this.name = 'CliExit';
  }
}
