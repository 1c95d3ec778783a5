import type { Translation } from '../catalogue';

/** The Datasets and Dataset pages. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
