import type { Translation } from '../catalogue';

/** The Literature page. */
export const en = {
} as const;

export const zh: Translation<typeof en> = {
};
