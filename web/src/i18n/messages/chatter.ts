import type { Translation } from '../catalogue';

/** The Chatter page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
