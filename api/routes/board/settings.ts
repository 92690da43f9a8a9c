/** How the board runs: session timeouts, live-update period, where Temporal Web is. */
import { HOUR } from '../../../domain/durations';

export interface BoardSettings {
  /** Temporal Web's base URL (the supervisor's link to a dispatch's workflow), e.g. http://localhost:8233. */
  temporalWebUrl?: string;
  /** Temporal namespace of the dispatch workflows (for the Temporal Web link). */
  namespace?: string;
  /**
   * A session ends after this long without a request. Two hours: a night-shift operator (22:00–08:00) who
   * steps away from the desk keeps the board, an abandoned terminal does not (the work queue's own refresh
   * keeps an open queue signed in, which is what a monitoring screen needs).
   */
  idleTimeoutMs?: number;
  /** And after this long whatever the activity: a shift and a half, so no session survives to the next night. */
  maxSessionMs?: number;
  /** The work queue refreshes itself this often. */
  pollMs?: number;
  /** Mark the cookie Secure even when this process sees plain HTTP (TLS ends at a proxy in front). */
  secureCookies?: boolean;
}

export interface ResolvedBoardSettings extends Required<Omit<BoardSettings, 'temporalWebUrl'>> {
  temporalWebUrl?: string;
}

export function resolveBoardSettings(s: BoardSettings = {}): ResolvedBoardSettings {
  return {
    temporalWebUrl: s.temporalWebUrl,
    namespace: s.namespace ?? 'levante',
    idleTimeoutMs: s.idleTimeoutMs ?? 2 * HOUR,
    maxSessionMs: s.maxSessionMs ?? 14 * HOUR,
    pollMs: s.pollMs ?? 15_000,
    secureCookies: s.secureCookies ?? false,
  };
}
