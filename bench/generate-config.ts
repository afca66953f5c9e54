// Generates Terraform JSON configs of terraform_data resources for the engine benchmark:
// chains (each refers to the previous), fan-out (many refer to one), count and for_each
// expansions, and the correlated pattern b[i] = a[i].

export type Shape = { kind: 'mixed'; resources: number } | { kind: 'correlated'; perSide: number };

export function generateConfig(shape: Shape): object {
  const resource: Record<string, Record<string, unknown>> = { terraform_data: {} };
  const td = resource.terraform_data;
  if (shape.kind === 'correlated') {
    td.a = { count: shape.perSide, input: '${count.index}' };
    td.b = { count: shape.perSide, input: '${terraform_data.a[count.index].output}' };
    return { resource };
  }
  const n = shape.resources;
  const chain = Math.floor(n / 10);
  const fan = Math.floor((n * 3) / 10) - 1;
  const counted = Math.floor((n * 3) / 10);
  const each = n - chain - fan - counted - 1;
  td.root = { input: 'root' };
  for (let i = 0; i < chain; i++) td[`chain_${i}`] = { input: i === 0 ? '${terraform_data.root.output}' : `\${terraform_data.chain_${i - 1}.output}-${i}` };
  for (let i = 0; i < fan; i++) td[`fan_${i}`] = { input: { root: '${terraform_data.root.id}', index: i } };
  td.counted = { count: counted, input: '${format("%s-%d", terraform_data.root.output, count.index)}' };
  const keys: Record<string, string> = {};
  for (let i = 0; i < each; i++) keys[`k${i}`] = `v${i}`;
  td.each = { for_each: '${local.keys}', input: '${each.value}-${terraform_data.root.id}', triggers_replace: ['${each.key}'] };
  return { locals: { keys }, resource };
}

export function countResources(shape: Shape): number {
  return shape.kind === 'correlated' ? shape.perSide * 2 : shape.resources;
}
