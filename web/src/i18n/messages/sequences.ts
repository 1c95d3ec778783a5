import type { Translation } from '../catalogue';

/** The Sequences page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
