import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../functions/cli/main';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdin: new PassThrough(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('orderwatch', () => {
  it('lists the commands with --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const name of ['deadlines', 'parse', 'local', 'send'])
      expect(stdout).toContain(`orderwatch ${name}`);
  });

  it('exits 2 with the usage when no command is given', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toContain('Usage:');
  });

  it('names an unknown command and exits 2', async () => {
    const { code, stderr } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "frobnicate"');
  });

  it('`local --help` explains the flags and the test-verdict header, and exits 0', async () => {
    const { code, stdout } = await run(['local', '--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--data',
      '--smtp-port',
      '--http-port',
      '--recipient',
      '--allow',
      '--clock',
      '--tz',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('X-Orderwatch-Test-Verdict');
  });

  it('`local` refuses a bad flag value with the usage, exit 2', async () => {
    const { code, stderr } = await run(['local', '--clock', 'sundial']);
    expect(code).toBe(2);
    expect(stderr).toContain('--clock must be system or manual');
  });
});
