import { peruCalendar } from '../../../domain/calendar';
import { fileMail, mailReferences, mailResponseDueAt, normalizeMessageId } from '../../../domain/people';

const lima = (local: string) => new Date(`${local}:00-05:00`).toISOString();

describe('mail filing', () => {
  it('finds dispatch ids, DAM numbers and BL candidates in subject and body', () => {
    const refs = mailReferences('Consulta DAM 118-2026-10-000123', 'Buenos días, sobre el despacho dsp-2026-000123 y el BL MSCU1234567.');
    expect(refs.damNumbers).toEqual(['118-2026-10-000123']);
    expect(refs.dispatchIds).toContain('DSP-2026-000123');
    expect(refs.bls).toContain('MSCU1234567');
  });

  it('files on the dispatch its strongest reference names, else triage', () => {
    const a = { dispatchId: 'DSP-1', clientRuc: '20100047218', executiveId: 'ESC-07' };
    const b = { dispatchId: 'DSP-2', clientRuc: '20100047218', executiveId: 'ESC-07' };
    expect(fileMail([{ ...a, by: 'bl' }, { ...b, by: 'dispatch_id' }])).toEqual({ filed: true, match: { ...b, by: 'dispatch_id' } });
    expect(fileMail([{ ...a, by: 'bl' }, { ...b, by: 'bl' }])).toEqual({ filed: false, reason: 'ambiguous', candidates: ['DSP-1', 'DSP-2'] });
    expect(fileMail([])).toEqual({ filed: false, reason: 'no_reference', candidates: [] });
  });

  it('a reply is due 2 business hours after receipt by default (Peruvian calendar)', () => {
    const cal = peruCalendar(['2026-12-08']);
    expect(mailResponseDueAt(cal, lima('2026-12-03T10:00'))).toBe(lima('2026-12-03T12:00'));
    // Received at 17:30 on Monday 7 Dec: 30 min that day, Tuesday 8 is a holiday, 1.5 h on Wednesday.
    expect(mailResponseDueAt(cal, lima('2026-12-07T17:30'))).toBe(lima('2026-12-09T10:30'));
  });

  it('normalizes Message-IDs', () => {
    expect(normalizeMessageId(' <abc@x> ')).toBe('abc@x');
  });
});
