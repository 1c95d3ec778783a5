import type { Translation } from '../catalogue.js';

/** The Chatter page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
