/**
 * The mail core: raw mail bytes → `MailReading`. Pure: no AWS, no I/O beyond the bytes it is given.
 *
 * The flow, one folder a step (`read.ts` composes them):
 *  - `unwrap/`  MIME (the only mailparser caller), forward wrappers, attachments, nesting, who sent it;
 *  - `kinds/`   mail that is not an AliExpress notice: automatic mail, user commands, Gmail confirmations;
 *  - `extract/` an AliExpress notice → events, from one wording table per language (`extract/languages/`);
 *  - `text/`    helpers both sides share: HTML to text, dates as mails print them.
 */
export type { MailLimits } from './limits';
export { DEFAULT_LIMITS } from './limits';
export { type ReadMailOptions, readMail } from './read';
export type {
  Address,
  Extraction,
  ForwardingConfirmation,
  MailKind,
  MailReading,
  OriginalMessage,
} from './types';
export { decodeAppleRelay, isAliExpressDomain, isAliExpressSender } from './unwrap/sender';
export { type Unwrapped, unwrap } from './unwrap/unwrap';
