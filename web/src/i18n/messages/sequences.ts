import type { Translation } from '../catalogue.js';

/** The Sequences page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
