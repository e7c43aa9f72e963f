import { Foundation1763750000000 } from './1763750000000-foundation';

/** In order. A new migration is appended here; none is ever edited after it has landed. */
export const MIGRATIONS = [Foundation1763750000000];
