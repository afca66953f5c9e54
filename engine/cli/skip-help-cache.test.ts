import { test } from 'node:test';
import assert from 'node:assert/strict';
import yargs from 'yargs';
import { skipHelpCache } from './skip-help-cache.ts';

type Usage = { hasCachedHelpMessage(): boolean };
const usageOf = (cli: object) => (cli as { getInternalMethods(): { getUsageInstance(): Usage } }).getInternalMethods().getUsageInstance();

async function runPlan(skip: boolean): Promise<{ ran: boolean; cached: boolean }> {
  let ran = false;
  const cli = yargs(['plan', '--out', 'x']);
  if (skip) skipHelpCache(cli);
  await cli
    .command(
      'plan',
      'plan',
      (y) => y.option('out', { type: 'string' }),
      async (a) => {
        ran = a.out === 'x';
      },
    )
    .strict()
    .exitProcess(false)
    .parseAsync();
  return { ran, cached: usageOf(cli).hasCachedHelpMessage() };
}

test('yargs renders a command help text before running it (the cost skipHelpCache removes)', async () => {
  // fails when a yargs upgrade drops the internal hook: then skipHelpCache does nothing and needs another look
  assert.deepEqual(await runPlan(false), { ran: true, cached: true });
});

test('with skipHelpCache the command runs with its options and no help text is rendered', async () => {
  assert.deepEqual(await runPlan(true), { ran: true, cached: false });
});
