/** Who is calling: the API key's holder and role. Roles: operator < supervisor < admin; client reads its own RUC only. */
export const ROLES = ['operator', 'supervisor', 'admin', 'client'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  keyId: string;
  /** Recorded as the actor of every action (workflow update args, status history, audit trail). */
  name: string;
  role: Role;
  /** Set for the client role: the only RUC it may read. */
  clientRuc: string | null;
}

/** Who may call a route. */
export const OPERATORS: readonly Role[] = ['operator', 'supervisor', 'admin'];
export const SUPERVISORS: readonly Role[] = ['supervisor', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];
export const READERS: readonly Role[] = ['operator', 'supervisor', 'admin', 'client'];
