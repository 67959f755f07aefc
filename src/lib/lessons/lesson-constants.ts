/**
 * The values a lesson may name, apart from the Zod schemas that check them (`schema.ts`), so a
 * page that lists them (the stage's method menu) never loads Zod: lessons are validated when the
 * site is built.
 */

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** How much of the stack a lesson shows: the player's detail levels. */
export const DETAILS = ['overview', 'django', 'everything'] as const;
export type Detail = (typeof DETAILS)[number];

/**
 * Which project a lesson runs on: `mysite` (`DJANGO_SETTINGS_MODULE=mysite.settings`, the one the
 * recordings came from) or `full` (`mysite.settings_full`: the admin, outside login, mail and
 * payments on top of it).
 */
export const LESSON_PROJECTS = ['mysite', 'full'] as const;
export type LessonProject = (typeof LESSON_PROJECTS)[number];
