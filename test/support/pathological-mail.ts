/**
 * Mails built to hit the reader's limits: used by the fuzz tests (a limit answers with a reason) and by
 * `npm run bench` (what hitting each limit costs in time and memory).
 */

/** `depth` multiparts, each inside the last: a nesting bomb. */
export function nestedMultiparts(depth: number): Buffer {
  const opens = Array.from(
    { length: depth },
    (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n`,
  );
  const closes = Array.from({ length: depth }, (_, i) => `--b${depth - 1 - i}--\n`);
  return Buffer.from(
    `From: a@b.example\nSubject: x\nMIME-Version: 1.0\n${opens.join('')}Content-Type: text/plain\n\nhi\n${closes.join('')}`,
  );
}

/** An AliExpress mail attached inside `depth` forwards-as-attachment. */
export function nestedAttachments(depth: number): Buffer {
  let mail =
    'From: AliExpress <transaction@notice.aliexpress.com>\nTo: max@example.org\nSubject: Order 8123456789012345: order shipped\n' +
    'Date: Mon, 05 Jan 2026 01:21:32 -0800\n\nYour order 8123456789012345 has been shipped.\n';
  for (let i = 0; i < depth; i++) {
    mail =
      `From: p${i}@example.net\nTo: x@example.net\nSubject: Fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="m${i}"\n\n` +
      `--m${i}\nContent-Type: text/plain\n\nsee attached\n--m${i}\nContent-Type: message/rfc822\n\n${mail}\n--m${i}--\n`;
  }
  return Buffer.from(mail);
}

/** An AliExpress text forwarded inline `depth` times (Gmail markers). */
export function nestedInline(depth: number): Buffer {
  let body = 'Your order 8123456789012345 has been shipped.\n';
  for (let i = 0; i < depth; i++) {
    body = `---------- Forwarded message ---------\nFrom: P <p${i}@example.net>\nDate: Mon, Jan 5, 2026 at 10:21 AM\nSubject: Fwd\nTo: <x@example.net>\n\n${body}`;
  }
  return Buffer.from(`From: Max <max@example.org>\nSubject: Fwd\n\n${body}`);
}

/** The pathological inputs by name, each with the limit it must hit. */
export const PATHOLOGICAL: Readonly<
  Record<string, { readonly build: () => Buffer; readonly limit: RegExp }>
> = {
  '10 000 nested multiparts': { build: () => nestedMultiparts(10_000), limit: /too many nested parts/ },
  'a 5 MB header line': {
    build: () => Buffer.from(`From: a@b.example\nX-Big: ${'a'.repeat(5_000_000)}\n\nbody\n`),
    limit: /too large/,
  },
  'a 20 MB body': {
    build: () =>
      Buffer.concat([Buffer.from('From: a@b.example\nSubject: x\n\n'), Buffer.alloc(20_000_000, 97)]),
    limit: /too large to read \(19\.1 MB; the limit is 10\.0 MB\)/,
  },
  '200 nested attached mails': { build: () => nestedAttachments(200), limit: /more than 5 levels/ },
  '2 000 nested inline forwards': { build: () => nestedInline(2000), limit: /more than 5 levels/ },
  '9 MB of "From: x" lines': {
    build: () => Buffer.from(`From: a@b.example\nSubject: x\n\n${'From: x\n'.repeat(1_200_000)}`),
    limit: /not from AliExpress/,
  },
};
