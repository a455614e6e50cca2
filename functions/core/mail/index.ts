/** The mail core: raw mail bytes → `MailReading`. Pure: no AWS, no I/O beyond the bytes it is given. */
export type { MailLimits } from './limits';
export { DEFAULT_LIMITS } from './limits';
export { type ReadMailOptions, readMail } from './read';
export { decodeAppleRelay, isAliExpressDomain, isAliExpressSender } from './sender';
export type {
  Address,
  Extraction,
  ForwardingConfirmation,
  MailKind,
  MailReading,
  OriginalMessage,
} from './types';
export { type Unwrapped, unwrap } from './unwrap';
