/**
 * Every mail orderwatch sends, as content: subject, text, HTML, attachments (.ics) and the header flags
 * the shell needs. Pure: the clock (`ctx.now`) and the user's zone are arguments; MIME is the shell's.
 *
 *   renderAlerts([{ alert }], { timeZone: 'Europe/Berlin', now })        // one alert, or a digest
 *   renderAcknowledgement([{ evaluation, read }], ctx)                   // hand-forwarded mail
 *   renderCommandReply({ kind: 'error', error }, ctx)                    // every command reply
 */

export {
  type ForwardingRelay,
  type OrderUpdate,
  renderAcknowledgement,
  renderForwardingConfirmation,
  renderUnreadable,
  renderWatching,
  type Unreadable,
} from './acks';
export { type AlertItem, alertTitle, byUrgency, renderAlerts } from './alert';
export { type Block, escapeHtml, safeUrl } from './blocks';
export { ALARMS_BEFORE_S } from './ics';
export { type Outlook, outlook } from './outlook';
export { type CommandReply, type DoneCommand, renderCommandReply, type UserSettings } from './replies';
export { EN, type Strings } from './strings/en';
export {
  type AliExpressLinks,
  DEFAULT_LINKS,
  type MailAttachment,
  type MailPurpose,
  type RenderContext,
  type RenderedMail,
} from './types';
