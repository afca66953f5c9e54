// The closed set of actions the engine can choose for one resource instance.

export type Action = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'delete-then-create' | 'create-then-delete';

export const isReplace = (a: Action): boolean => a === 'delete-then-create' || a === 'create-then-delete';

/** Terraform-style symbol for renderings. */
export const ACTION_SYMBOL: Record<Action, string> = {
  'no-op': ' ',
  create: '+',
  read: '<=',
  update: '~',
  delete: '-',
  'delete-then-create': '-/+',
  'create-then-delete': '+/-',
};

/** The `actions` array of `terraform show -json`. */
export const JSON_ACTIONS: Record<Action, string[]> = {
  'no-op': ['no-op'],
  create: ['create'],
  read: ['read'],
  update: ['update'],
  delete: ['delete'],
  'delete-then-create': ['delete', 'create'],
  'create-then-delete': ['create', 'delete'],
};
