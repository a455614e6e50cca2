/**
 * The local stand-in for SES: each mail is composed exactly as SES would get it (`composeMail`) and kept
 * as an `.eml` file in a folder; local mode shows them, tests read them back.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeMail } from '../compose-mail';
import type { Clock, Mailer, OutgoingMail } from '../ports';

export interface OutboxEntry {
  readonly file: string;
  readonly raw: Buffer;
}

export class OutboxMailer implements Mailer {
  private sequence = 0;

  /** `clock` dates the mail when it carries no `date` (local mode's movable clock). */
  constructor(
    readonly folder: string,
    private readonly clock?: Clock,
  ) {}

  async send(message: OutgoingMail): Promise<{ readonly messageId: string }> {
    const id = randomUUID();
    const messageId = message.messageId ?? `<${id}@orderwatch.local>`;
    const date = message.date ?? this.clock?.now();
    const raw = await composeMail({ ...message, messageId, ...(date === undefined ? {} : { date }) });
    await mkdir(this.folder, { recursive: true });
    // Sortable names (send order), written whole then renamed: a reader never sees half a file.
    this.sequence += 1;
    const stamp = `${Date.now().toString().padStart(14, '0')}-${this.sequence.toString().padStart(6, '0')}`;
    const file = join(this.folder, `${stamp}-${id}.eml`);
    await writeFile(`${file}.tmp`, raw);
    await rename(`${file}.tmp`, file);
    return { messageId };
  }

  /** Every mail sent so far, oldest first. */
  async list(): Promise<readonly OutboxEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const files = names.filter((n) => n.endsWith('.eml')).sort();
    return Promise.all(files.map(async (file) => ({ file, raw: await readFile(join(this.folder, file)) })));
  }
}
