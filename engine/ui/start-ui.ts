// Builds the web UI from its settings: reads the token files (a bad one is a clear error
// before anything listens) and returns the request handler.

import { UiAuth, readTokenFile } from './auth.ts';
import type { UiBackend } from './ui-backend.ts';
import { UiServer } from './ui-server.ts';

export interface UiSettings {
  readonly viewerTokenFile?: string;
  readonly operatorTokenFile?: string;
}

export class UiSetupError extends Error {}

export function createUi(backend: UiBackend, settings: UiSettings, onError?: (e: Error, path: string) => void): UiServer {
  let viewerTokens: string[] = [];
  let operatorTokens: string[] = [];
  try {
    if (settings.viewerTokenFile) viewerTokens = readTokenFile(settings.viewerTokenFile, '--ui-viewer-token-file');
    if (settings.operatorTokenFile) operatorTokens = readTokenFile(settings.operatorTokenFile, '--ui-operator-token-file');
  } catch (e) {
    throw new UiSetupError((e as Error).message);
  }
  const shared = viewerTokens.find((t) => operatorTokens.includes(t));
  if (shared !== undefined) throw new UiSetupError('a token is in both --ui-viewer-token-file and --ui-operator-token-file; give operators their own tokens');
  return new UiServer({ backend, auth: new UiAuth({ viewerTokens, operatorTokens }), onError });
}
