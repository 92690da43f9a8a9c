/**
 * Seeds the read model for part (b) of `bench:scale`: 300 clients and N dispatches written straight into
 * PostgreSQL by two INSERT … SELECT generate_series statements (seconds, not hours of workflows). The shape
 * follows a broker's books over two years: dispatches opened evenly over 730 days, a few big clients and many
 * small ones, regime 10 ≫ 40 > 20 > 70, two terminals, 25 executives; those older than 45 days mostly closed,
 * the recent ones spread over the lifecycle by age. Open dispatches carry a next deadline from 12 h ago to
 * 9.5 days ahead (overdue when past, at risk within 6 h); a closed temporary regime (20/70) carries its expiry.
 * setseed makes every run seed the same rows.
 */
import { Client } from 'pg';

export const SEED_CLIENTS = 300;
export const SEED_EXECUTIVES = 25;
/** RUC of the n-th seeded client (1-based); the small n are the big clients. */
export const seededRuc = (n: number) => `2060${String(n).padStart(7, '0')}`;
export const seededExecutive = (n: number) => `ESC-${String(n).padStart(2, '0')}`;

const IMPORT_STEPS = `ARRAY['opened','documents_complete','documents_reviewed','draft_emitted','draft_approved','dam_numbered','channel_assigned','released','withdrawal_in_progress','delivered','container_returned','closed']`;
const EXPORT_STEPS = `ARRAY['opened','documents_complete','documents_reviewed','draft_emitted','draft_approved','dam_numbered','cargo_entry_registered','channel_assigned','seals_registered','shipped','regularized','closed']`;

const SEED_DISPATCHES = `
WITH base AS (
  SELECT g, now() - random() * interval '730 days' AS opened_at,
         (floor(${SEED_CLIENTS} * power(random(), 2.5)) + 1)::int AS client_no,
         (floor(random() * ${SEED_EXECUTIVES}) + 1)::int AS exec_no,
         random() AS r_regime, random() AS r_term, random() AS r_step, random() AS r_chan, random() AS r_dl, random() AS r_mod
    FROM generate_series(1, $1::int) AS g
), aged AS (
  SELECT *, CASE WHEN r_regime < 0.70 THEN '10' WHEN r_regime < 0.90 THEN '40' WHEN r_regime < 0.97 THEN '20' ELSE '70' END AS regime,
         extract(epoch FROM now() - opened_at) / 86400 AS age_days
    FROM base
), staged AS (
  SELECT *, CASE
           WHEN age_days > 45 AND r_step < 0.96 THEN 12                       -- closed
           WHEN age_days > 45 AND r_step < 0.99 THEN 0                        -- cancelled
           WHEN age_days > 45 THEN 10                                         -- still waiting to regularize / withdraw
           WHEN r_mod < 0.02 THEN 0                                           -- cancelled early
           ELSE 1 + floor(least(0.9999, (age_days / 45) * 0.75 + r_step * 0.25) * 12)::int
         END AS stage
    FROM aged
), shaped AS (
  SELECT *, CASE WHEN stage = 0 THEN 'cancelled' WHEN regime = '40' THEN (${EXPORT_STEPS})[stage] ELSE (${IMPORT_STEPS})[stage] END AS status
    FROM staged
)
INSERT INTO dispatches (id, "workflowId", "clientRuc", direction, regime, modality, terminal, status, channel, "damNumber",
                        vessel, eta, bl, goods, "restrictedGoods", "executiveId", "executiveName", "executiveEmail",
                        "nextDeadlineAt", "nextDeadlineClock", "atRisk", overdue, "openedAt", "updatedAt", "closedAt")
SELECT 'DSP-SC-' || lpad(g::text, 7, '0'), 'dispatch-DSP-SC-' || lpad(g::text, 7, '0'),
       '2060' || lpad(client_no::text, 7, '0'),
       CASE WHEN regime = '40' THEN 'export' ELSE 'import' END, regime,
       CASE WHEN r_mod < 0.3 THEN 'anticipado' WHEN r_mod < 0.9 THEN 'diferido' ELSE 'urgente' END,
       CASE WHEN r_term < 0.6 THEN 'APMTC' ELSE 'DPWC' END,
       status,
       CASE WHEN stage >= 7 THEN CASE WHEN r_chan < 0.7 THEN 'verde' WHEN r_chan < 0.9 THEN 'naranja' ELSE 'rojo' END END,
       CASE WHEN stage >= 6 THEN '118-' || to_char(opened_at, 'YYYY') || '-' || regime || '-' || lpad(g::text, 7, '0') END,
       (ARRAY['MSC Callao Express','Maersk Pacific','CMA CGM Andes','Hapag Lima','ONE Humboldt','Evergreen Sur'])[1 + g % 6],
       opened_at + (r_chan * 10 - 3) * interval '1 day',
       'BLSC' || lpad(g::text, 8, '0'), 'Mercadería general', r_mod < 0.1,
       'ESC-' || lpad(exec_no::text, 2, '0'), 'Ejecutivo ' || exec_no, 'esc' || exec_no || '@agencia.example.pe',
       CASE WHEN status NOT IN ('closed', 'cancelled') THEN now() + (r_dl * 10 - 0.5) * interval '1 day'
            WHEN status = 'closed' AND regime IN ('20', '70') THEN opened_at + CASE regime WHEN '20' THEN interval '548 days' ELSE interval '365 days' END END,
       CASE WHEN status NOT IN ('closed', 'cancelled') THEN CASE WHEN stage <= 2 THEN 'document_review' WHEN stage = 3 THEN 'dam_draft'
                                                            WHEN regime = '40' THEN 'regularization_target' ELSE 'deferred_numbering' END
            WHEN status = 'closed' AND regime IN ('20', '70') THEN 'regime_expiry' END,
       status NOT IN ('closed', 'cancelled') AND r_dl * 10 - 0.5 < 0.25,
       status NOT IN ('closed', 'cancelled') AND r_dl * 10 - 0.5 < 0,
       opened_at, least(now(), opened_at + (stage + 1) * interval '2 days'),
       CASE WHEN status IN ('closed', 'cancelled') THEN least(now(), opened_at + (stage + 1) * interval '2 days') END
  FROM shaped`;

/** Seeds `rows` dispatches (ids DSP-SC-…) and their clients, then vacuums and refreshes the planner's statistics. */
export async function seedReadModel(databaseUrl: string, rows: number): Promise<void> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await pg.query('SELECT setseed(0.4242)');
    await pg.query(
      `INSERT INTO clients (ruc, name, "updatedAt")
       SELECT '2060' || lpad(n::text, 7, '0'), 'Cliente ' || n || ' S.A.C.', now() FROM generate_series(1, ${SEED_CLIENTS}) AS n
       ON CONFLICT DO NOTHING`,
    );
    await pg.query(SEED_DISPATCHES, [rows]);
    await pg.query('VACUUM ANALYZE clients');
    await vacuumDispatches(pg);
  } finally {
    await pg.end();
  }
}

/**
 * VACUUM ANALYZE of the dispatches, as autovacuum leaves a table that has lived a while: its visibility map
 * lets a count read an index alone. A transaction open elsewhere during the VACUUM (the worker writing) keeps
 * it from marking the new rows all-visible, so it runs again until most pages are.
 */
export async function vacuumDispatches(pg: Client): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await pg.query('VACUUM ANALYZE dispatches');
    const { rows } = await pg.query<{ pages: number; visible: number }>(`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = 'dispatches'`);
    if (rows[0]!.visible >= 0.9 * rows[0]!.pages) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.warn('[bench:scale] VACUUM left most dispatch pages not all-visible (a transaction stays open): counts will read the table');
}
