/**
 * The replay fixtures Levante keeps (test/workflows/histories/<workflowType>/<path>.json): which business path
 * each one records, on which server, and the files it writes. Data only, so the replay test can check that every
 * path has its histories without loading the recorders; scripts/record-histories.ts runs them.
 */

export interface HistoryPath {
  /** What `npm run histories:record -- <name>` selects. */
  name: string;
  /** 'dev': the Temporal dev server; 'timeskipping': Temporal's Java time-skipping server (timers of days pass in seconds). */
  server: 'dev' | 'timeskipping';
  /** Files written, relative to test/workflows/histories without `.json`: `<workflowType>/<path>[.<run>]`. */
  files: readonly string[];
  about: string;
}

export const HISTORY_PATHS = [
  {
    name: 'import-green-apmtc',
    server: 'dev',
    files: ['dispatchWorkflow/import-green-apmtc'],
    about: 'Import, green channel, APMTC appointment, withdrawal, container return, closure',
  },
  {
    name: 'import-red-senasa-dpwc',
    server: 'dev',
    files: ['dispatchWorkflow/import-red-senasa-dpwc'],
    about: 'Import of restricted goods, red channel, SENASA report, DPWC BL assignment, closure',
  },
  {
    name: 'export-definitive',
    server: 'dev',
    files: ['dispatchWorkflow/export-definitive'],
    about: 'Definitive export: cargo entry, seals, shipped, regularized, closure (since export-dam-2026-12: its own DAM draft checked against the documents, numbering, cargo entry, green channel, a seal per container, CLAVE SOL)',
  },
  {
    name: 'export-dam-clocks',
    server: 'timeskipping',
    files: ['dispatchWorkflow/export-dam-clocks'],
    about: 'Export with its own DAM (export-dam-2026-12), cut-off given at opening: cut-off reminder and alert (cargo entered late), red channel with physical inspection, two containers sealed, shipment, regularization target alert at 10 days, CLAVE SOL, closure',
  },
  {
    name: 'export-reexport',
    server: 'dev',
    files: ['dispatchWorkflow/export-reexport'],
    about: 'Re-export (regime 60, outbound-regimes-2026-12) of a temporary admission whose expiry was given at opening: its own DAM, red channel with physical inspection, seals, shipment before the parent expiry, CLAVE SOL, originals, closure',
  },
  {
    name: 'export-reshipment',
    server: 'dev',
    files: ['dispatchWorkflow/export-reshipment'],
    about: 'Reshipment (regime 89, outbound-regimes-2026-12) opened with its arrival manifest and BL: DAM, green channel, seals, shipment, a regularization refused (none for a reshipment), originals, closure',
  },
  {
    name: 'export-temporary',
    server: 'timeskipping',
    files: ['dispatchWorkflow/export-temporary.first-run', 'dispatchWorkflow/export-temporary.second-run'],
    about: 'Temporary export (regime 41, outbound-regimes-2026-12): shipment, CLAVE SOL, closure; the 90-day re-import reminder ends the run with continue-as-new; in the carried run the re-import concludes the term and the workflow completes',
  },
  {
    name: 'cancelled-with-complaint',
    server: 'dev',
    files: ['dispatchWorkflow/cancelled-with-complaint'],
    about: 'Partial documents, a complaint, an extraordinary service (glosa 10110), cancellation',
  },
  {
    name: 'regime20-expiry-continue-as-new',
    server: 'timeskipping',
    files: [
      'dispatchWorkflow/regime20-expiry-continue-as-new.first-run',
      'dispatchWorkflow/regime20-expiry-continue-as-new.second-run',
      'dispatchWorkflow/regime20-expiry-continue-as-new.last-run',
    ],
    about: 'Temporary admission closed long before its 18-month expiry: the 90, 60 and 30-day reminders each end the run with continue-as-new, the run after the 7-day one completes; the first run, the second (carried state) and the last',
  },
  {
    name: 'document-review-missed',
    server: 'timeskipping',
    files: ['dispatchWorkflow/document-review-missed'],
    about: 'Partial documents (missing-documents email), 48 h review missed: reminder at 42 h, alert at 48 h, then cancellation',
  },
  {
    name: 'calendar-replan',
    server: 'timeskipping',
    files: ['dispatchWorkflow/calendar-replan'],
    about: 'Complaint logged; a non-working day decreed, signal calendarChanged re-plans the 24 business-hour escalation, which fires a day later; then cancellation',
  },
  {
    name: 'import-two-containers-apmtc',
    server: 'dev',
    files: ['dispatchWorkflow/import-two-containers-apmtc'],
    about: 'Import steps (import-steps-2026-12): SADA import of two containers at APMTC, re-plan, mobilization, an appointment per container (one refused at 08:00), pre-exit, pickup, delivery receipt and return per container on different days, SADA regularized before the returns, closure',
  },
  {
    name: 'import-levante-senasa-clocks',
    server: 'timeskipping',
    files: ['dispatchWorkflow/import-levante-senasa-clocks'],
    about: 'Import steps (import-steps-2026-12): restricted goods on a red channel; SENASA inspection scheduled, its reminder the day before, the levante follow-up reminder and alert, report, physical inspection, levante; then cancellation',
  },
  {
    name: 'partner-breach',
    server: 'timeskipping',
    files: ['externalOperationWorkflow/partner-breach'],
    about: 'Partner operation whose documents-received clock (9 business hours, Colombian calendar) breaches: non-conformity opened with its corrective-action child, then milestones to delivery',
  },
  {
    name: 'corrective-action-escalated-closed',
    server: 'timeskipping',
    files: ['correctiveActionWorkflow/corrective-action-escalated-closed'],
    about: 'Corrective action: reminder, two escalations to management, plan, refused closure, closure with evidence',
  },
  {
    name: 'annual-partner-evaluation',
    server: 'dev',
    files: ['annualPartnerEvaluationsWorkflow/annual-partner-evaluation', 'annualPartnerEvaluationWorkflow/annual-partner-evaluation'],
    about: 'Yearly run over the active partners (parent) and one partner evaluated over a seeded year (child)',
  },
  {
    name: 'client-status-report',
    server: 'dev',
    files: ['clientStatusReportWorkflow/client-status-report'],
    about: "A client's status report run by its Schedule (backfilled business day) with one open dispatch",
  },
  {
    name: 'supervisor-digest',
    server: 'dev',
    files: ['supervisorDigestWorkflow/supervisor-digest'],
    about: 'Supervisor digest run by its Schedule (backfilled weekday 08:00)',
  },
  {
    name: 'weekend-programming',
    server: 'dev',
    files: ['weekendProgrammingWorkflow/weekend-programming'],
    about: 'Weekend programming run by its Schedule on a Friday 15:00 (sends)',
  },
  {
    name: 'expiry-sweep',
    server: 'dev',
    files: ['expirySweepWorkflow/expiry-sweep'],
    about: 'Expiry sweep run by its Schedule (backfilled weekday 07:30)',
  },
  {
    name: 'escalation-recheck',
    server: 'dev',
    files: ['escalationRecheckWorkflow/escalation-recheck'],
    about: 'Escalation re-check triggered on its Schedule',
  },
  {
    name: 'mail-response-escalated',
    server: 'timeskipping',
    files: ['mailResponseWorkflow/mail-response-escalated'],
    about: 'A client email left unanswered: the 2 business-hour clock alerts the executive on duty, then the Jefe de Servicio al Cliente',
  },
  {
    name: 'inbound-mail-fetch',
    server: 'dev',
    files: ['inboundMailWorkflow/inbound-mail-fetch'],
    about: 'One run of the inbound-mail fetch (the recording stack has no IMAP mailbox: the run reports it off)',
  },
  {
    name: 'mandate-expiry-renewed',
    server: 'timeskipping',
    files: ['mandateExpiryWorkflow/mandate-expiry-renewed'],
    about: "A client's mandate: the 30-day reminder to its executive, a renewal (signal) re-plans, the renewed mandate's 30- and 7-day reminders, then its expiry ends the run",
  },
  {
    name: 'agreement-missed',
    server: 'timeskipping',
    files: ['agreementClockWorkflow/agreement-missed'],
    about: 'A written agreement with a due date left unfulfilled: reminder to the executive on duty, alert to the executive and the functional boss, recorded as missed',
  },
  {
    name: 'shift-handover',
    server: 'timeskipping',
    files: ['shiftHandoverWorkflow/shift-handover'],
    about: 'The 08:00 shift handover of a Wednesday: night to day, one email to the incoming shift',
  },
  {
    name: 'partner-contract-expiry',
    server: 'dev',
    files: ['partnerContractExpiryWorkflow/partner-contract-expiry'],
    about: 'One run of the partner contract expiry reminders: a contract 25 days from its last day, reminded to management (30-day threshold)',
  },
  {
    name: 'money-cost-clocks',
    server: 'timeskipping',
    files: ['dispatchWorkflow/money-cost-clocks'],
    about: 'Cost clocks (money-clocks-2026-12): storage warning with the estimated cost, escalation when it accrues, withdrawal and return stop the clocks, originals to the Archive, closing compiles the liquidation file',
  },
  {
    name: 'money-funds-gate',
    server: 'timeskipping',
    files: ['dispatchWorkflow/money-funds-gate'],
    about: 'Funds gate (money-clocks-2026-12): a third-party payment refused, the funds request, escalation past the wait, a deposit signal and the payment recorded by the workflow, then cancellation',
  },
  {
    name: 'money-extra-service',
    server: 'timeskipping',
    files: ['dispatchWorkflow/money-extra-service'],
    about: 'Automatic 10110 (money-clocks-2026-12): an action in the night shift bills itself, the executive voids it, then cancellation',
  },
  {
    name: 'administration-report',
    server: 'dev',
    files: ['administrationReportWorkflow/administration-report'],
    about: "Administración's daily report (issue #14): advances, deposits and third-party payments per dispatch in progress, what is pending to invoice",
  },
] as const satisfies readonly HistoryPath[];

export type HistoryPathName = (typeof HISTORY_PATHS)[number]['name'];
