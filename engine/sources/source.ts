// Where stacks come from. A source fetches one consistent snapshot of the stacks' files into a
// local directory and names it with a revision the agent can compare with the last applied one.

export interface Artifact {
  /** what was fetched: git `<ref>@sha1:<sha>`, s3 `sha256:<digest of the key -> versionId list>` */
  revision: string;
  /** identifies the content under `dir` (git: the sub-path's tree), so unrelated changes can be recognized */
  digest: string;
  /** directory holding the stacks at that revision */
  dir: string;
  author?: string;
  message?: string;
}

export interface Source {
  /** for messages and logs; never contains credentials */
  readonly description: string;
  /** fetches the latest revision; an abort stops network work and rejects */
  fetch(signal: AbortSignal): Promise<Artifact>;
  close?(): Promise<void>;
}
