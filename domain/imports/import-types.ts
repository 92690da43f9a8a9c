/**
 * Data of the import path as it really runs (lifecycle feature import-steps-2026-12): each container's own
 * withdrawal steps, the planned milestones and the inspections. Plain JSON kept in `DispatchState`; every
 * time is an ISO string. Glossary: cargo de entrega = delivery receipt signed by whoever received the cargo;
 * pre-salida = 06:00 exit from the warehouse coordinated the day before; movilización = moving the cargo to
 * a temporary warehouse (depósito temporal); reconocimiento físico = the red channel's physical inspection.
 */

/** Delivery receipt (cargo de entrega, seed 2.3.9): who received the container, when, and the signed document. */
export interface DeliveryReceipt {
  receivedBy: string;
  /** When it was received; the delivery's own time when not given. */
  receivedAt: string;
  /** Reference of the signed document (guía, acta de entrega). */
  documentRef: string;
}

/** One container's own steps: booked, picked up, delivered and returned on its own days. */
export interface ContainerSteps {
  containerNumber: string;
  size: '20' | '40';
  /** APMTC withdrawal appointment (cita) of this container. */
  appointment?: { at: string; reference?: string; slot?: string };
  /** 06:00 pre-exit coordinated with the warehouse the day before (seed 2.3.8). */
  preExit?: { coordinatedAt: string; warehouse: string; pickupAt: string };
  /** Mobilization requested to a temporary warehouse (seed 2.3.10). */
  mobilization?: { requestedAt: string; warehouse: string; reference?: string };
  pickedUpAt?: string;
  deliveredAt?: string;
  delivery?: DeliveryReceipt;
  /** Empty-container return appointment (seed 2.3.11). */
  returnAppointment?: { at: string; reference: string; slot?: string; depot: string };
  returnedAt?: string;
}

/** Planned milestones (seed 2.1.1): each ISO; `revisions` counts the re-plans. */
export interface DispatchPlan {
  eta: string;
  expectedLevanteAt: string;
  plannedPickupAt: string;
  plannedDeliveryAt: string;
  plannedContainerReturnAt: string;
  revisions: number;
  lastReason?: string;
}

/** The plan fields an operator may give at opening or change with a re-plan. */
export type PlanChange = Partial<Omit<DispatchPlan, 'revisions' | 'lastReason'>>;

/** SENASA inspection (restricted goods, seed 2.3.3) and the red channel's physical inspection. */
export interface ImportInspections {
  senasa?: { scheduledAt: string; scheduledFor: string; place: string; inspector: string };
  physical?: { scheduledAt: string; scheduledFor: string; place: string; recordedAt?: string; notes?: string };
}
