/**
 * Structured JSON logs on stderr (stdout carries only the start-up line). Every line passes through
 * `redact`, so an API key or a URL password never reaches a log.
 */
import pino from 'pino';
import type { Logger } from '../../ports/logger.ts';
import { redact, type Secrets } from '../config/secrets.ts';

export function createLogger(level: string, secrets: Secrets, destination: NodeJS.WritableStream | number = 2): Logger {
  const stream = typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination;
  const scrub = { write: (line: string) => (stream as { write: (s: string) => unknown }).write(redact(line, secrets)) };
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, scrub) as unknown as Logger;
}
