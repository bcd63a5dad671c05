export * from './wellbeing.module';
export * from './domain/wellbeing.streams';
export * from './domain/wellbeing.events';
export * from './domain/wellbeing.decider';
export * from './domain/calendar';
export * from './application/log-wellbeing-activity.command';
export * from './application/submit-pulse-check-in.command';
