// AWS SDK errors -> diagnostics that name the operation, the resource and the AWS error
// code, with every known secret scrubbed from the text.

import { error, type Diagnostic } from '../../engine/diagnostics.ts';

export function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const x = e as { name?: string; Code?: string; code?: string; $metadata?: unknown };
  return x.Code ?? (x.$metadata !== undefined ? x.name : undefined) ?? x.code ?? x.name;
}

export function httpStatus(e: unknown): number | undefined {
  return (e as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/** True when the error is one of the given AWS error codes. */
export function isAwsError(e: unknown, ...codes: string[]): boolean {
  const code = errorCode(e);
  return code !== undefined && codes.includes(code);
}

export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/** The diagnostic for a failed AWS call, e.g. `creating aws_s3_bucket (demo): BucketAlreadyExists: ...`. */
export function awsErrorDiagnostic(e: unknown, op: { action: string; typeName: string; id?: string }, secrets: readonly string[]): Diagnostic {
  const code = errorCode(e);
  const status = httpStatus(e);
  const subject = op.id ? `${op.typeName} (${op.id})` : op.typeName;
  const msg = messageOf(e);
  const text = code && code !== 'Error' && !msg.startsWith(code) ? `${code}: ${msg}` : msg;
  return error(
    scrub(`${op.action} ${subject}: ${text}`, secrets),
    scrub(
      [
        `AWS error code: ${code ?? 'unknown'}`,
        status ? `HTTP status: ${status}` : '',
        (e as { $metadata?: { requestId?: string } })?.$metadata?.requestId ? `request id: ${(e as { $metadata: { requestId: string } }).$metadata.requestId}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      secrets,
    ),
  );
}

/** A user mistake found while applying (not an AWS error). */
export class AwsUserError extends Error {
  constructor(
    readonly summary: string,
    readonly detail?: string,
    readonly attribute?: string,
  ) {
    super(summary);
    this.name = 'AwsUserError';
  }
}
