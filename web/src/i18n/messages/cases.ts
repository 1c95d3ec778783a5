import type { Translation } from '../catalogue';

/** The Cases page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
