// dynamic blocks (Terraform JSON as cdktf writes it, and as HCL normalizes to) evaluate to the
// list of blocks Terraform would generate, with a custom iterator and nested dynamic blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStackConfig } from './load.ts';
import { evaluate } from '../lang/evaluate.ts';
import { StackScope } from '../eval/stack-scope.ts';
import { normalizeHcl } from '../synth/hcl-stack.ts';
import { parse } from '@cdktf/hcl2json';

const RULES = { web: { port: 80, cidrs: ['10.0.0.0/8'] }, ssh: { port: 22, cidrs: ['10.1.0.0/16', '10.2.0.0/16'] } };
const EXPECTED = [
  { from_port: 22, description: 'ssh', cidr: [{ block: '10.1.0.0/16' }, { block: '10.2.0.0/16' }] },
  { from_port: 80, description: 'web', cidr: [{ block: '10.0.0.0/8' }] },
];

function bodyOf(json: unknown) {
  const { config, diagnostics } = loadStackConfig({ name: 's', file: 'main.tf.json', dir: '/tmp', json });
  assert.deepEqual(diagnostics, []);
  const scope = new StackScope(config, new Map([['rules', RULES]]));
  return evaluate(config.resources.get('aws_security_group.sg')!.body, scope.root);
}

test('a dynamic block in Terraform JSON, with an iterator and a nested dynamic block', () => {
  const json = {
    variable: { rules: {} },
    resource: {
      aws_security_group: {
        sg: {
          name: 'sg',
          dynamic: {
            ingress: {
              for_each: '${var.rules}',
              iterator: 'rule',
              content: {
                from_port: '${rule.value.port}',
                description: '${rule.key}',
                dynamic: { cidr: { for_each: '${rule.value.cidrs}', content: { block: '${cidr.value}' } } },
              },
            },
          },
        },
      },
    },
  };
  assert.deepEqual(bodyOf(json), { name: 'sg', ingress: EXPECTED });
});

test('the same dynamic block written in HCL', async () => {
  const hcl = `
variable "rules" {}
resource "aws_security_group" "sg" {
  name = "sg"
  dynamic "ingress" {
    for_each = var.rules
    iterator = rule
    content {
      from_port   = rule.value.port
      description = rule.key
      dynamic "cidr" {
        for_each = rule.value.cidrs
        content {
          block = cidr.value
        }
      }
    }
  }
}
`;
  assert.deepEqual(bodyOf(normalizeHcl(await parse('main.tf', hcl))), { name: 'sg', ingress: EXPECTED });
});
