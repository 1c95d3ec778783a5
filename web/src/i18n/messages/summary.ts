import type { Translation } from '../catalogue';

/** A place's summary in plain words. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
