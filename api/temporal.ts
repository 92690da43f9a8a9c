/**
 * The API's Temporal client. Lazy, so the API starts (and answers 503) while Temporal is down, and with few gRPC
 * retries, so an outage becomes a 503 within a couple of seconds instead of a request hanging for half a minute.
 */
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';

export interface TemporalForApi {
  client: Client;
  connection: Connection;
  /** Whether the frontend answers a health check within two seconds. */
  healthy(): Promise<boolean>;
}

export function connectTemporalForApi(address: string, namespace: string, options: { maxAttempts?: number } = {}): TemporalForApi {
  const connection = Connection.lazy({
    address,
    connectTimeout: '2s',
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: options.maxAttempts ?? 3, initialIntervalMs: () => 100, maxIntervalMs: () => 500 }))],
  });
  const client = new Client({ connection, namespace });
  return {
    client,
    connection,
    async healthy() {
      try {
        await connection.withDeadline(Date.now() + 2_000, () => connection.healthService.check({}));
        return true;
      } catch {
        return false;
      }
    },
  };
}
