import type { Translation } from '../catalogue.js';

/** The Cases page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
