import type { ReminderKind } from '@samordna/domain';
import { REMINDER_WINDOWS } from '@samordna/domain';

export const REMINDER_KINDS_LIST = Object.keys(REMINDER_WINDOWS) as [ReminderKind, ...ReminderKind[]];
