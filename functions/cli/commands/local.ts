import type { Command } from '../io';

/**
 * `orderwatch local` will run the whole service on loopback (SMTP in, embedded DynamoDB, an outbox of
 * sent mail, a movable clock). Until that lands, it says so and shows what already works, so
 * `npm start` on a fresh clone tells the truth instead of failing.
 */
export const local: Command = async (_args, io) => {
  io.stdout.write(
    [
      'orderwatch local (SMTP listener, embedded DynamoDB, outbox) is not built yet.',
      '',
      'What works today (on the example mails; your own saved .eml files work the same way):',
      '  npm run --silent orderwatch -- parse test/fixtures/mail/events/en-*.eml',
      '      read saved AliExpress mails (.eml) and show what orderwatch understands',
      '  npm run --silent orderwatch -- parse --json test/fixtures/mail/events/en-*.eml \\',
      '    | npm run --silent orderwatch -- deadlines - --now 2026-03-01T09:00:00Z --tz Europe/Berlin',
      '      the clocks, deadlines and alerts those mails imply',
      '',
    ].join('\n'),
  );
  return 0;
};
