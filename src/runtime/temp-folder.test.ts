import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepTempFolders, tempFolder } from './temp-folder.ts';

const parent = mkdtempSync(join(tmpdir(), 'daihoi-sweep-test-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** The pid of a process that has ended. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
};

describe('temporary folders', () => {
  it('are named with their process and kind', async () => {
    const folder = await tempFolder('scan-read', parent);
    expect(folder).toMatch(new RegExp(`daihoi-scan-read-${process.pid}-[A-Za-z0-9]{6}$`, 'u'));
    expect(existsSync(folder)).toBe(true);
  });

  it('left by a process that has ended are removed; those of live processes and any other folder are kept', async () => {
    const dead = deadPid();
    const left = join(parent, `daihoi-upload-${dead}-AbC123`);
    mkdirSync(join(left, 'inner'), { recursive: true });
    const mine = await tempFolder('upload', parent);
    const parentProcess = join(parent, `daihoi-scan-pages-${process.ppid}-xyz789`);
    const other = join(parent, `daihoi-backup-${dead}-AbC123`);
    for (const f of [parentProcess, other]) mkdirSync(f);

    expect(await sweepTempFolders(parent)).toEqual([`daihoi-upload-${dead}-AbC123`]);
    expect(existsSync(left)).toBe(false);
    for (const f of [mine, parentProcess, other]) expect(existsSync(f)).toBe(true);
  });
});
