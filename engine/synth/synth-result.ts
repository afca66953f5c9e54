// What synthesis hands to the rest of the engine: one entry per stack, dependencies first.

export interface SynthStack {
  /** stack id as the app named it (manifest key), or the file name for a bare *.tf.json */
  name: string;
  /** absolute path of the stack's cdk.tf.json */
  file: string;
  /** parsed JSON of `file` */
  json: unknown;
  /** raw bytes of `file` (for digests) */
  bytes: Buffer;
  /** names of stacks this one reads from (cross-stack references), by stack name */
  dependencies: string[];
  /**
   * Absolute directory that relative paths in the stack resolve against (`path.module`,
   * `file("./x")`, TerraformAsset paths): the stack's working directory inside the out dir,
   * the same directory the cdktf CLI runs terraform in.
   */
  dir: string;
  /** variable files loaded before --var-file ones (terraform.tfvars, *.auto.tfvars of a Terraform directory) */
  varFiles?: readonly string[];
  /** file, line and column of a JSON pointer, for stacks written in HCL */
  locate?: (pointer: string) => { file: string; line: number; column: number } | undefined;
  /**
   * set for a lone *.tf.json: its name is only the file's name (usually `main`), so callers
   * that know the stack's directory name it after that (the agent, --stack-name)
   */
  generic?: boolean;
}

export interface SynthResult {
  /** absolute directory holding manifest.json (or the directory of a bare *.tf.json) */
  outDir: string;
  /** in dependency order: dependencies first */
  stacks: SynthStack[];
}
