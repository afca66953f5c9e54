// A module call carries the configuration of the module it calls, read at synthesis, under
// this key. The stack's recorded configuration is then self-contained: rollback and the agent
// replay it without the module directories. The key cannot be a module input name.

export const EMBEDDED_MODULE = '#module';

export interface EmbeddedModule {
  /** directory the module was read from (path.module) */
  readonly dir: string;
  /** Terraform JSON of the module (its own calls embedded the same way) */
  readonly json: Record<string, unknown>;
}
