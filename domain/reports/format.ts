/** Spanish (es-PE) wording shared by the scheduled reports: Lima dates, channel names, empty sections. */
import { formatAtOffset, LIMA_UTC_OFFSET_MINUTES } from '../calendar';
import type { Channel } from '../dispatch';

/** 'dd/mm/yyyy HH:mm' in Lima time. */
export const limaDateTime = (iso: string): string => formatAtOffset(iso, LIMA_UTC_OFFSET_MINUTES);

/** 'dd/mm/yyyy' in Lima time. */
export const limaDate = (iso: string): string => limaDateTime(iso).slice(0, 10);

/** SUNAT control channel as clients read it. */
export const CHANNEL_LABEL_ES: Record<Channel, string> = {
  verde: 'verde (sin revisión)',
  naranja: 'naranja (revisión documentaria)',
  rojo: 'rojo (reconocimiento físico)',
};

/** A titled section of a report; an empty one says so instead of disappearing. */
export function section(title: string, lines: string[], empty: string): string {
  return [`${title} (${lines.length})`, ...(lines.length ? lines : [`  ${empty}`])].join('\n');
}

export const SIGNATURE = '— Levante, agencia de aduanas (mensaje automático)';
