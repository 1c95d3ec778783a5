import type { Translation } from '../catalogue.js';

/** The Anomalies page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
