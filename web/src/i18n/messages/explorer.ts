import type { Translation } from '../catalogue.js';

/** The explorer: controls, tabs, map, chart, table, search, the place card, the timeline. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
