import type { Translation } from '../catalogue';

/** The Anomalies page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
