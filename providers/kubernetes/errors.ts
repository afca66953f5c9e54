// API server answers as user-facing diagnostics: the server's own message, the object named,
// and a hint for the usual causes (RBAC, unreachable server, conflicts, unknown kinds).

import { error, type Diagnostic } from '../../engine/diagnostics.ts';
import { KubeApiError } from './api-client.ts';
import { describeRef, type ObjectRef } from './object-ref.ts';

/** A user mistake found by the provider itself (no such kind, missing namespace). */
export class KubeUserError extends Error {
  constructor(
    readonly summary: string,
    readonly detail?: string,
  ) {
    super(detail ? `${summary}: ${detail}` : summary);
  }
}

/** Removes secret values from a message. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('(sensitive value)');
  return out;
}

export function kubeDiagnostic(e: unknown, action: string, ref: ObjectRef | undefined, secrets: readonly string[] = []): Diagnostic {
  const what = ref ? describeRef(ref) : 'the object';
  if (e instanceof KubeUserError) return error(scrub(e.summary, secrets), e.detail && scrub(e.detail, secrets));
  if (e instanceof KubeApiError) {
    const msg = scrub(e.message, secrets);
    if (e.code === 0) {
      return error(`Kubernetes API server unreachable while ${action} ${what}`, `${msg}. Check --kubeconfig/--kube-context, KUBECONFIG, or the provider's host.`);
    }
    if (e.code === 401)
      return error(`Not authenticated to the Kubernetes API server while ${action} ${what}`, `${msg}. The credentials in the kubeconfig (token, client certificate or exec plugin) were refused.`);
    if (e.code === 403)
      return error(`Forbidden: ${action} ${what} is not allowed`, `${msg}. Grant the identity Ballast uses RBAC permission for this object (a Role/ClusterRole with the needed verbs).`);
    if (e.code === 409 && e.reason === 'Conflict') {
      return error(`Field conflict while ${action} ${what}`, `${msg}. Another field manager owns these fields; set field_manager { force_conflicts = true } to take them over.`);
    }
    if (e.code === 422 || e.code === 400) return error(`The API server rejected ${what}`, msg);
    return error(`Kubernetes API error while ${action} ${what} (HTTP ${e.code}${e.reason ? `, ${e.reason}` : ''})`, msg);
  }
  return error(`Error while ${action} ${what}`, scrub(e instanceof Error ? e.message : String(e), secrets));
}
