import type { Translation } from '../catalogue.js';

/** The Models page (Rt, forecasts, SEIR). */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
