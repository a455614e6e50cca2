/**
 * `orderwatch parse` when the reader fails (a bug, not the mail): the operator is told on stderr and the
 * exit code is 1, and the error is never printed as if it were a reason for the user.
 */
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../functions/cli/main';
import { MailReaderError } from '../../../functions/core/mail/errors';

vi.mock('../../../functions/core/mail/index', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../functions/core/mail/index')>();
  return {
    ...actual,
    // The fixture named "command-status" reads as a bug would make it read.
    readMail: async (raw: Uint8Array, options?: Parameters<typeof actual.readMail>[1]) =>
      Buffer.from(raw).includes('Subject: status')
        ? {
            kind: 'failed',
            user: 'max@example.org',
            language: null,
            events: [],
            orderIds: [],
            forwardingConfirmation: null,
            command: null,
            reason: null,
            error: new MailReaderError('the mail reader failed (TypeError: boom)', {
              cause: new TypeError('boom'),
            }),
          }
        : actual.readMail(raw, options),
  };
});

const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdin: Readable.from([]),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: FIXTURES,
  });
  return { code, out, err };
}

describe('orderwatch parse, when the reader fails', () => {
  it('--json: says so on stderr, exits 1, and still prints one line per file without a user reason', async () => {
    const { code, out, err } = await run([
      'parse',
      '--json',
      'mime/command-status.eml',
      'forward/gmail-inline-text-en.eml',
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(/mime\/command-status\.eml: the mail reader failed \(TypeError: boom\)/);
    const [failed, ok] = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(failed).toMatchObject({
      file: 'mime/command-status.eml',
      kind: 'failed',
      reason: null,
      events: [],
    });
    expect(JSON.stringify(failed)).not.toMatch(/boom/);
    expect(ok).toMatchObject({ kind: 'aliexpress' });
  });

  it('human: the block shows the kind, not the error as a reason', async () => {
    const { code, out, err } = await run(['parse', 'mime/command-status.eml']);
    expect(code).toBe(1);
    expect(out).toContain('kind:     failed');
    expect(out).not.toMatch(/reason:|boom/);
    expect(err).toMatch(/boom/);
  });
});
