/**
 * Opt-in record of every answer, for the conformance test that checks them against the official swagger.
 * Off unless AZB_SANDBOX_RECORD names a file; then each answer is appended to it as one JSON line.
 */
import { appendFileSync } from 'node:fs';

export interface RecordedExchange {
  method: string;
  path: string;
  query: string;
  status: number;
  /** Only the headers the swagger speaks of: the long-running-operation ones. */
  headers: Record<string, string>;
  body?: unknown;
}

export type ExchangeRecorder = (exchange: RecordedExchange) => void;

const KEPT_HEADERS = ['azure-asyncoperation', 'location', 'retry-after'];

/** The recorder the environment asks for, or undefined (the default: nothing is recorded and nothing costs). */
export function exchangeRecorderFromEnv(env: NodeJS.ProcessEnv = process.env): ExchangeRecorder | undefined {
  const file = env.AZB_SANDBOX_RECORD;
  if (!file) return undefined;
  return (exchange) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(exchange.headers)) {
      if (KEPT_HEADERS.includes(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    appendFileSync(file, `${JSON.stringify({ ...exchange, headers })}\n`);
  };
}
