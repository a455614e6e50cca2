/**
 * Gmail's "confirm forwarding" mail. A user who sets up auto-forwarding makes Gmail send it to our
 * address; the pipeline relays code and link to the user, who could otherwise never finish the set-up.
 */

import { decodeAttribute } from '../text/html-text';
import type { ForwardingConfirmation } from '../types';
import { isGmailForwardingSender } from '../unwrap/sender';

/** `Confirmation code: 99427480` in the languages seen or reported; the code follows the label. */
const CODE_LABELS: readonly string[] = [
  'Confirmation code',
  '确认代码',
  '確認代碼',
  'Bestätigungscode',
  'Código de confirmación',
  'Code de confirmation',
  'Codice di conferma',
  'Bevestigingscode',
  'Código de confirmação',
  'Kod potwierdzenia',
  'Код подтверждения',
  '確認コード',
  '확인 코드',
];

const CODE_PATTERN = new RegExp(`(?:${CODE_LABELS.join('|')})\\s*[:：]?\\s*(\\d{8,9})\\b`, 'iu');
/** Subjects put the code first, `(#99427480) Gmail Forwarding Confirmation - …` (Spanish moves it). */
const SUBJECT_CODE = /\(#(\d{8,9})\)/;
const CONFIRM_URL = /https:\/\/mail-settings\.google\.com\/mail\/vf-[^\s"'<>)\]]+/;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

export interface ConfirmationInput {
  readonly from: string | null;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly hasConfirmationHeader: boolean;
  /** Our own receiving addresses (the confirmation's To), never the requester. */
  readonly recipients: readonly string[];
}

/** `mail.text` is only read once the sender is Gmail's forwarding address (it may be converted from HTML on read). */
export function readGmailConfirmation(mail: ConfirmationInput): ForwardingConfirmation | null {
  if (!isGmailForwardingSender(mail.from)) return null;
  const url = CONFIRM_URL.exec(mail.text) ?? (mail.html ? CONFIRM_URL.exec(mail.html) : null);
  const subjectCode = SUBJECT_CODE.exec(mail.subject);
  if (!mail.hasConfirmationHeader && !subjectCode && !url) return null;
  const code = CODE_PATTERN.exec(mail.text)?.[1] ?? subjectCode?.[1] ?? null;
  return {
    code,
    confirmUrl: url ? decodeAttribute(url[0]) : null,
    requester: requesterOf(mail),
  };
}

/** The subject names the requester (`… Receive Mail from x@gmail.com`); else the first other address in the body. */
function requesterOf(mail: ConfirmationInput): string | null {
  const ignore = new Set([...mail.recipients.map((r) => r.toLowerCase()), 'forwarding-noreply@google.com']);
  const candidates = [...(mail.subject.match(EMAIL) ?? []), ...(mail.text.slice(0, 4000).match(EMAIL) ?? [])];
  return candidates.map((c) => c.toLowerCase()).find((c) => !ignore.has(c)) ?? null;
}
