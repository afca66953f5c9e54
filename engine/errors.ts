// Named errors for real failures (not user mistakes: those are diagnostics).

export class LockHeldError extends Error {
  constructor(
    readonly holder: { id: string; who: string; host: string; pid: number; created: string; expires: string },
    where: string,
  ) {
    super(`state is locked by ${holder.who}@${holder.host} (pid ${holder.pid}) since ${holder.created}, lock expires ${holder.expires} [${where}, lock id ${holder.id}]`);
    this.name = 'LockHeldError';
  }
}

export class StateConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateConflictError';
  }
}

export class SourceUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceUnreachableError';
  }
}

export class StalePlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StalePlanError';
  }
}

/** A provider call failed; carries the instance address so the user sees where. */
export class ProviderError extends Error {
  constructor(
    readonly address: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${address}: ${message}`, options);
    this.name = 'ProviderError';
  }
}

/** Stored bytes (a state version, lock or journal) are not what they must be; the message names where they came from. */
export class CorruptStateError extends Error {
  constructor(
    readonly origin: string,
    problem: string,
  ) {
    super(`${origin} is corrupt: ${problem}`);
    this.name = 'CorruptStateError';
  }
}

/** Our lock is gone: it expired and was taken over, or someone forced it open. */
export class LockLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockLostError';
  }
}

/** Raised by forceUnlock for a missing lock or a non-matching id. */
export class LockIdMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockIdMismatchError';
  }
}

/**
 * Input the user can fix (a flag, a file, a backend setting) is wrong; the message names which
 * and what is expected. Printed as one line, never with a stack trace.
 */
export class UserInputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserInputError';
  }
}
