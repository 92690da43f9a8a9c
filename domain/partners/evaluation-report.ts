/** The annual evaluation as a Spanish report for management (email body and the stored record's text). */
import { MILESTONE_LABEL_ES } from './partner';
import { RATING_LABEL_ES, type PartnerEvaluation } from './evaluation';

const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)} %`);
const hours = (h: number) => `${h.toFixed(1)} h`;

export function evaluationReportSubjectEs(e: PartnerEvaluation): string {
  const score = e.score === null ? 'sin puntaje' : `${e.score.toFixed(1)} puntos`;
  return `Evaluación anual ${e.year} del aliado ${e.partnerName}: ${score} (${e.rating})`;
}

export function evaluationReportTextEs(e: PartnerEvaluation): string {
  const lines = [
    `Evaluación de desempeño del socio comercial — año ${e.year}`,
    `Aliado: ${e.partnerName} (${e.partnerId})`,
    '',
    `Resultado: ${e.score === null ? 'sin puntaje' : `${e.score.toFixed(1)} / 100`} — categoría ${e.rating}: ${RATING_LABEL_ES[e.rating]}`,
    '',
    'Indicadores',
    `  Operaciones (DO) asignadas: ${e.operations}`,
    `  Hitos medidos: ${e.milestonesMeasured}`,
    `  Cumplimiento de tiempos de servicio: ${pct(e.onTimeRate)}`,
    '',
    'Tiempos de servicio por hito (horas hábiles, calendario de Colombia)',
    ...(e.byMilestone.length === 0
      ? ['  Sin hitos registrados en el periodo']
      : e.byMilestone.map(
          (m) => `  ${MILESTONE_LABEL_ES[m.milestone]}: ${m.count} mediciones, media ${hours(m.meanHours)}, desviación ${hours(m.stdDevHours)}, a tiempo ${pct(m.onTimeRate)}`,
        )),
    '',
    'No conformidades',
    `  Total: ${e.nonConformities.total} (incumplimientos: ${e.nonConformities.breaches}, reclamos: ${e.nonConformities.complaints})`,
    `  Cerradas: ${e.nonConformities.closed} (dentro del plazo: ${e.nonConformities.closedOnTime}); abiertas: ${e.nonConformities.open}`,
    '',
    'Este informe se genera a partir del cuadro de control de procesos y del registro de no conformes, reclamos y',
    'acciones correctivas, y queda archivado como registro de la evaluación anual.',
  ];
  return lines.join('\n');
}
