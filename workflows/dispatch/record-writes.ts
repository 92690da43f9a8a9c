import type { AppointmentEntry, DispatchRecord, GlosaEntry, IncidentEntry, StatusChange } from '../../activities/records/record-store';
import { recorder } from './activities';

/**
 * A record write as plain JSON (the activity's name and its argument), so a write that outlasted its retries
 * can wait in the dispatch's book — across continue-as-new — and be tried again later, in order.
 */
export type RecordWrite =
  | { activity: 'recordTransition'; input: { record: DispatchRecord; status?: StatusChange; glosa?: GlosaEntry; appointment?: AppointmentEntry } }
  | { activity: 'recordDispatch'; input: DispatchRecord }
  | { activity: 'recordGlosa'; input: GlosaEntry }
  | { activity: 'recordIncident'; input: IncidentEntry }
  | { activity: 'recordAppointment'; input: AppointmentEntry };

/** Runs one write through the record activities (local since change local-records-2026-12). */
export async function runWrite(w: RecordWrite): Promise<void> {
  const r = recorder();
  switch (w.activity) {
    case 'recordTransition':
      return r.recordTransition(w.input);
    case 'recordDispatch':
      return r.recordDispatch(w.input);
    case 'recordGlosa':
      await r.recordGlosa(w.input);
      return;
    case 'recordIncident':
      await r.recordIncident(w.input);
      return;
    case 'recordAppointment':
      return r.recordAppointment(w.input);
  }
}
