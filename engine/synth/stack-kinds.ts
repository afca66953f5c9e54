// The kinds of stack input Ballast recognises, in the order they are tried. Adding a kind is
// one entry here plus its loader; everything after synthesis sees the same Terraform JSON.

import { MANIFEST_FILE } from './manifest.ts';

const CDKTF_JSON = 'cdktf.json';

export type StackKindName = 'cdktf-app' | 'synthesized' | 'terraform-directory' | 'terraform-json' | 'kustomize' | 'cdk8s-app' | 'kubernetes-yaml';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export interface StackKind {
  readonly name: StackKindName;
  /** what a user is told was looked for */
  readonly describe: string;
  /** true when a directory holding these file names is this kind */
  readonly matches: (names: readonly string[]) => boolean;
}

export const STACK_KINDS: readonly StackKind[] = [
  { name: 'cdktf-app', describe: `${CDKTF_JSON} (a cdktf app)`, matches: (n) => n.includes(CDKTF_JSON) },
  { name: 'synthesized', describe: `${MANIFEST_FILE} (synthesized output)`, matches: (n) => n.includes(MANIFEST_FILE) },
  { name: 'terraform-directory', describe: '*.tf files (Terraform HCL)', matches: (n) => n.some((x) => x.endsWith('.tf')) || n.filter((x) => x.endsWith('.tf.json')).length > 1 },
  { name: 'terraform-json', describe: 'a single *.tf.json file', matches: (n) => n.some((x) => x.endsWith('.tf.json')) },
  { name: 'kustomize', describe: 'kustomization.yaml (a Kustomize base or overlay)', matches: (n) => KUSTOMIZATION_FILES.some((f) => n.includes(f)) },
  { name: 'cdk8s-app', describe: 'cdk8s.yaml (a cdk8s app)', matches: (n) => n.includes('cdk8s.yaml') },
  // plain manifests may also sit in subdirectories; the loader walks them (see cluster-app/)
  { name: 'kubernetes-yaml', describe: 'Kubernetes *.yaml manifests', matches: (n) => n.some((x) => x.endsWith('.yaml') || x.endsWith('.yml')) },
];

export function stackKindOf(names: readonly string[]): StackKind | undefined {
  return STACK_KINDS.find((k) => k.matches(names));
}
