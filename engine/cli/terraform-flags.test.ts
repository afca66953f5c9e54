import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainUsage, terraformStyleArgv } from './terraform-flags.ts';

test('single-dash long flags become double-dash; values, short flags and everything after -- stay', () => {
  assert.deepEqual(terraformStyleArgv(['apply', '-auto-approve', '-var', 'k=v', '-var-file=x.tfvars', '-target=aws_x.y["a"]', '-refresh=false', '-h', '--json', '--', '-keep']), [
    'apply',
    '--auto-approve',
    '--var',
    'k=v',
    '--var-file=x.tfvars',
    '--target=aws_x.y["a"]',
    '--refresh=false',
    '-h',
    '--json',
    '--',
    '-keep',
  ]);
  assert.deepEqual(terraformStyleArgv(['plan', '-var', 'n=-5', '-parallelism=3']), ['plan', '--var', 'n=-5', '--parallelism=3']);
});

test('an unknown flag is named once, as typed, with the closest known flag', () => {
  const known = { flags: ['auto-approve', 'autoApprove', 'var', 'json', 'h'], commands: ['plan', 'apply', 'destroy'] };
  assert.equal(explainUsage('Unknown arguments: auto-aprove, autoAprove', known, ['apply', '--auto-aprove']), 'Unknown flag --auto-aprove. Did you mean --auto-approve?');
  assert.equal(explainUsage('Unknown arguments: auto-aprove, autoAprove', known, ['apply', '-auto-aprove=1']), 'Unknown flag -auto-aprove. Did you mean --auto-approve?');
  assert.equal(explainUsage('Unknown argument: zzzzzzzz', known, ['apply', '--zzzzzzzz']), 'Unknown flag --zzzzzzzz.');
  assert.equal(explainUsage('Unknown argument: bogus', known, ['plan', '-bogus']), 'Unknown flag -bogus.');
  assert.equal(explainUsage('Unknown arguments: auto-aprove, autoAprove', known, ['apply', '--autoAprove']), 'Unknown flag --autoAprove. Did you mean --auto-approve?');
  assert.equal(explainUsage('Unknown argument: aply', known, ['aply']), 'Unknown command or argument "aply". Did you mean "apply"?');
  assert.equal(explainUsage('Not enough arguments', known, []), 'Not enough arguments');
  assert.equal(explainUsage('Did you mean plan?', known, ['plna', '--json']), 'Unknown command "plna". Did you mean "plan"?');
});
