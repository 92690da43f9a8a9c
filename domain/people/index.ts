/** People: shifts, the staff directory's rules (absences and substitutes), who is on duty, functional bosses, mail filing, notice routing. */
export * from './shifts';
export * from './staff';
export * from './on-duty';
export * from './matters';
export * from './mail-filing';
export * from './notice-routing';
export * from './agreements';
export * from './handover';
