/** Raw mail from s3rver through the S3 adapter, and the same contract on the local folder source. */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3MailSource } from '../../functions/aws/s3-mail-source';
import { FolderMailSource } from '../../functions/local/folder-mail-source';
import { RawMailNotFoundError, type RawMailSource } from '../../functions/ports';
import { type S3Emulator, startS3rver } from './support/emulators';

const MAIL = Buffer.from(
  'From: ana@example.org\r\nTo: watch@example.org\r\nSubject: Fwd: shipped\r\n\r\nÜber — your order shipped.\r\n',
);
// 2 MB of arbitrary bytes: any byte value must come back as it went in (no text decoding anywhere).
const BIG = randomBytes(2 * 1024 * 1024);

interface Backend {
  readonly source: RawMailSource;
  put(messageId: string, body: Uint8Array): Promise<void>;
  stop(): Promise<void>;
}

async function s3Backend(): Promise<Backend> {
  const s3: S3Emulator = await startS3rver();
  const source = new S3MailSource(s3.client, { bucket: s3.bucket, prefix: 'incoming/' });
  return {
    source,
    async put(messageId, body) {
      await s3.client.send(
        new PutObjectCommand({ Bucket: s3.bucket, Key: source.keyOf(messageId), Body: body }),
      );
    },
    stop: () => s3.stop(),
  };
}

async function folderBackend(): Promise<Backend> {
  const folder = await mkdtemp(join(tmpdir(), 'orderwatch-mail-'));
  const source = new FolderMailSource(folder);
  return {
    source,
    put: (messageId, body) => source.put(messageId, body),
    stop: () => rm(folder, { recursive: true, force: true }),
  };
}

describe.each([
  ['S3 (s3rver)', s3Backend],
  ['a local folder', folderBackend],
] as const)('raw mail from %s', (_name, make) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await make();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('gives back the stored bytes exactly, with their size', async () => {
    await backend.put('msg-small', MAIL);
    expect(Buffer.from(await backend.source.get('msg-small'))).toEqual(MAIL);
    expect(await backend.source.size('msg-small')).toBe(MAIL.length);
  });

  it('gives back a 2 MB body byte for byte', async () => {
    await backend.put('msg-big', BIG);
    const got = await backend.source.get('msg-big');
    expect(got.byteLength).toBe(BIG.length);
    expect(Buffer.from(got).equals(BIG)).toBe(true);
    expect(await backend.source.size('msg-big')).toBe(BIG.length);
  });

  it('says NotFound, by name, for a mail that is not there', async () => {
    await expect(backend.source.get('msg-missing')).rejects.toThrow(RawMailNotFoundError);
    await expect(backend.source.size('msg-missing')).rejects.toThrow(RawMailNotFoundError);
    await expect(backend.source.get('msg-missing')).rejects.toMatchObject({ messageId: 'msg-missing' });
  });

  it('deletes a mail, and deleting it again is no error', async () => {
    await backend.put('msg-gone', MAIL);
    await backend.source.delete('msg-gone');
    await expect(backend.source.get('msg-gone')).rejects.toThrow(RawMailNotFoundError);
    await backend.source.delete('msg-gone');
  });
});
