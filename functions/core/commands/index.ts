/**
 * The user command grammar. Pure: the shell passes the line, the user's orders, `now` and their zone.
 *
 *   const result = parseCommand('received 0979 4.3.2026', { now, timeZone, knownOrderIds });
 *   if (result.ok) events = commandEvents(result.command, { now, timeZone, messageId });
 *   else reply with result.error (its problem, usage and example)
 */
export { isAfterToday, parseUserDate, startOfDayIn, todayIn, type YearPreference } from './dates';
export {
  checkDeleteToken,
  DELETE_TOKEN_LENGTH,
  DELETE_TOKEN_VALID_MS,
  type DeleteCheck,
  deleteToken,
  normaliseDeleteToken,
  type PendingDelete,
} from './delete-token';
export {
  type CommandEventContext,
  commandEvents,
  DATED_FACT_EVENTS,
  FACT_COMMAND_EVENTS,
  isFactCommand,
} from './events';
export { MIN_SUFFIX_DIGITS, orderSuffix, resolveOrder, shortOrder } from './orders';
export { commandError, parseCommand } from './parse';
export { COMMAND_ALIASES, COMMAND_SPECS, type CommandSpec, problemMessage } from './specs';
export {
  ACK_MODES,
  type AckMode,
  COMMAND_NAMES,
  type CommandError,
  type CommandName,
  type CommandProblem,
  type CommandResult,
  DATED_FACT_KINDS,
  type DatedFactKind,
  type FactCommand,
  type IsoDate,
  type OrderRef,
  type ParseContext,
  type ParsedCommand,
} from './types';
