/** One pathological input, read once after a warm-up mail; prints its time and the process's peak RSS. */
import { readMail } from '../functions/core/mail/read';
import { PATHOLOGICAL } from '../test/support/pathological-mail';

const name = process.argv[2] ?? '';
const input = PATHOLOGICAL[name];
if (!input)
  throw new Error(`unknown case ${JSON.stringify(name)}; cases: ${Object.keys(PATHOLOGICAL).join(', ')}`);
await readMail(Buffer.from('From: a@b.example\nSubject: warm-up\n\nhello\n'));
const raw = input.build();
const rssBeforeMb = (process.resourceUsage().maxRSS * 1024) / 1024 ** 2;
const started = performance.now();
const reading = await readMail(raw);
const ms = performance.now() - started;
process.stdout.write(
  JSON.stringify({
    ms,
    inputMb: raw.byteLength / 1024 ** 2,
    rssBeforeMb,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1024 ** 2,
    kind: reading.kind,
    reason: reading.reason ?? '',
  }),
);
