export * from './kommunenummer';
export * from './format';
