/** Raw mail in a folder, one file per message id: local mode's stand-in for the receipt rule's bucket. */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RawMailNotFoundError, type RawMailSource } from '../ports';

// A message id becomes a file name: nothing that could leave the folder.
const SAFE_ID = /^[A-Za-z0-9._@+=-]{1,200}$/;

export class FolderMailSource implements RawMailSource {
  constructor(readonly folder: string) {}

  private pathOf(messageId: string): string {
    if (!SAFE_ID.test(messageId) || messageId.startsWith('.')) {
      throw new RangeError(`not a usable message id: ${JSON.stringify(messageId)}`);
    }
    return join(this.folder, `${messageId}.eml`);
  }

  /** Stores a received mail (what SES's S3 action does in AWS). */
  async put(messageId: string, raw: Uint8Array): Promise<void> {
    const path = this.pathOf(messageId);
    await mkdir(this.folder, { recursive: true });
    await writeFile(`${path}.tmp`, raw);
    await rename(`${path}.tmp`, path);
  }

  async get(messageId: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.pathOf(messageId)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RawMailNotFoundError(messageId);
      throw error;
    }
  }

  async size(messageId: string): Promise<number> {
    try {
      return (await stat(this.pathOf(messageId))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RawMailNotFoundError(messageId);
      throw error;
    }
  }

  async delete(messageId: string): Promise<void> {
    await rm(this.pathOf(messageId), { force: true });
  }
}
