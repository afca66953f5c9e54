import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLockFile, LockFileError, readLockFile, writeLockFile } from './lock-file.ts';

// As `terraform init` writes it (comments, alignment, trailing commas).
const TERRAFORM_LOCK = `# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/null" {
  version     = "3.2.2"
  constraints = "~> 3.0"
  hashes = [
    "h1:zT1ZbegaAYHwQa+QwIFugArWikRJI9dqohj8xb0GY88=",
    "zh:3248aae6a2198f3ec8394218d05bd5e42be59f43a3a7c0b71c66ec0df08b69e7",
  ]
}
`;

test("reads Terraform's lock file and writes it back byte for byte", () => {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-lock-'));
  writeFileSync(join(dir, '.terraform.lock.hcl'), TERRAFORM_LOCK);
  const entries = readLockFile(dir);
  assert.deepEqual(entries.get('registry.terraform.io/hashicorp/null'), {
    version: '3.2.2',
    constraints: '~> 3.0',
    hashes: ['h1:zT1ZbegaAYHwQa+QwIFugArWikRJI9dqohj8xb0GY88=', 'zh:3248aae6a2198f3ec8394218d05bd5e42be59f43a3a7c0b71c66ec0df08b69e7'],
  });
  assert.equal(formatLockFile(entries), TERRAFORM_LOCK);
  writeLockFile(dir, entries);
  assert.deepEqual(readLockFile(dir), entries);
});

test('a broken lock file is an error naming the file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-lock-'));
  writeFileSync(join(dir, '.terraform.lock.hcl'), 'provider "x/y/z" {\n  version = \n}\n');
  assert.throws(
    () => readLockFile(dir),
    (e: Error) => e instanceof LockFileError && /\.terraform\.lock\.hcl:3: /.test(e.message),
  );
});
