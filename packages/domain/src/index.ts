export * from './kommunenummer';
export * from './format';
export * from './dates';
export * from './deadlines';
export * from './agreement-status';
export * from './checklist';
export * from './contacts';
export * from './catalog';
