// The same configuration and the same provider binaries applied by `terraform` (through
// dev_overrides) and by Ballast: the resulting state attributes must match. Skips without
// terraform on the PATH.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runBallast } from './helpers/run-ballast.ts';
import { makeTempDir } from './helpers/temp-dir.ts';
import { binaries, ensureTestProviders, mirrorDir } from './helpers/test-providers.ts';
import { terraformAvailable } from './helpers/terraform-cli.ts';

const skip = ensureTestProviders() ?? (terraformAvailable() ? undefined : 'terraform is not on the PATH');

const config = {
  terraform: {
    required_providers: {
      ballasttest6: { source: 'ballast/ballasttest6' },
      ballasttest5: { source: 'ballast/ballasttest5' },
    },
  },
  provider: { ballasttest6: [{ prefix: 'tf-' }], ballasttest5: [{ region: 'north' }] },
  resource: {
    ballasttest6_thing: {
      a: { name: 'alpha', size: 4, tags: ['b', 'a'], secret: 'shh', password_wo: 'wo-secret', settings: { level: 2 }, rule: [{ port: 22 }, { port: 8080, protocol: 'udp' }] },
      b: { name: '${ballasttest6_thing.a.id}-child' },
    },
    ballasttest5_item: {
      i: { name: 'item', replicas: 3, labels: ['l1', 'l2'], password: 'pw', disk: [{ size: 5 }, { size: 6, kind: 'hdd' }] },
    },
  },
  data: { ballasttest6_echo: { e: { input: '${ballasttest6_thing.b.name}' } } },
  output: { echo: { value: '${data.ballasttest6_echo.e.output}' } },
};

type Attrs = Record<string, unknown>;
const SENSITIVE = new Set(['secret', 'password', 'password_wo']);
function comparable(a: Attrs): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(a)) {
    if (SENSITIVE.has(k)) continue;
    out[k] = Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v].sort() : v;
  }
  return out;
}

test('terraform and ballast produce the same state with the same provider binaries', { skip, timeout: 300_000 }, async () => {
  const root = await makeTempDir('ballast-parity-');
  const home = join(root, 'home');
  mkdirSync(home);
  const rc = join(root, 'terraformrc');
  writeFileSync(
    rc,
    `provider_installation {\n  dev_overrides {\n    "ballast/ballasttest6" = "${dirname(binaries.ballasttest6)}"\n    "ballast/ballasttest5" = "${dirname(binaries.ballasttest5)}"\n  }\n}\n`,
  );
  const env = { HOME: home, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', XDG_CACHE_HOME: join(home, '.cache') };

  const tfDir = join(root, 'tf');
  mkdirSync(tfDir);
  writeFileSync(join(tfDir, 'main.tf.json'), JSON.stringify(config));
  const tf = (args: string[]) => spawnSync('terraform', args, { cwd: tfDir, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 240_000 });
  const applied = tf(['apply', '-auto-approve', '-input=false', '-no-color']);
  assert.equal(applied.status, 0, applied.stdout + applied.stderr);
  const shown = JSON.parse(tf(['show', '-json']).stdout) as { values: { root_module: { resources: { address: string; values: Attrs }[] } } };
  const tfState = new Map(shown.values.root_module.resources.map((r) => [r.address, comparable(r.values)]));

  const bDir = join(root, 'ballast');
  mkdirSync(bDir);
  writeFileSync(join(bDir, 'main.tf.json'), JSON.stringify(config));
  const ba = await runBallast(['apply', '--auto-approve'], { cwd: bDir, env: { ...env, BALLAST_PLUGIN_DIRS: '' } });
  assert.equal(ba.code, 0, ba.stdout + ba.stderr);
  const replan = await runBallast(['plan', '--detailed-exitcode'], { cwd: bDir, env });
  assert.equal(replan.code, 0, replan.stdout + replan.stderr);
  const show = JSON.parse((await runBallast(['show', '--json'], { cwd: bDir, env })).stdout) as { resources: Record<string, { attributes: Attrs }> };

  for (const address of ['ballasttest6_thing.a', 'ballasttest6_thing.b', 'ballasttest5_item.i', 'data.ballasttest6_echo.e']) {
    assert.ok(tfState.has(address), `terraform has ${address}`);
    assert.deepEqual(comparable(show.resources[address].attributes), tfState.get(address), `${address} matches terraform's state`);
  }
  void mirrorDir;
});
