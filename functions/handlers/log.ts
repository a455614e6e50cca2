/**
 * Structured logs: one JSON object a line (CloudWatch parses them), always with the message id and never
 * a mail's body, subject or the reader's excerpts. Handlers take a `Log`; tests pass `silentLog` or a
 * collecting one.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const silentLog: Log = { info() {}, warn() {}, error() {} };

/** JSON lines on stdout/stderr, the shape Lambda's JSON log format and Powertools use. */
export function jsonLog(service: string, base: LogFields = {}): Log {
  const line = (level: 'INFO' | 'WARN' | 'ERROR', message: string, fields: LogFields = {}) =>
    JSON.stringify({ level, timestamp: new Date().toISOString(), service, message, ...base, ...fields });
  return {
    info: (message, fields) => console.log(line('INFO', message, fields)),
    warn: (message, fields) => console.warn(line('WARN', message, fields)),
    error: (message, fields) => console.error(line('ERROR', message, fields)),
  };
}

/**
 * An error as log fields. `withMessage: false` for errors about a mail's content (the reader's): their
 * message may quote the mail, so only names and code locations are logged.
 */
export function errorFields(error: unknown, withMessage = true): LogFields {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const cause = error.cause instanceof Error ? error.cause : null;
  const frames = (cause ?? error).stack
    ?.split('\n')
    .filter((l) => l.trim().startsWith('at '))
    .slice(0, 5)
    .map((l) => l.trim())
    .join(' | ');
  return {
    errorName: error.name,
    causeName: cause?.name,
    ...(withMessage ? { errorMessage: error.message.slice(0, 500) } : {}),
    stack: frames,
  };
}
