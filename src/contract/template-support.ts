import { z } from 'zod';

/**
 * What the machine running the local engine offers the templates that need more than Node.js:
 * whether its python3 imports Flask (the "Python web function (Flask)" template). `unknown` in cloud
 * mode, where Function Compute's own runtime runs the code.
 */
export const templateSupportSchema = z.object({
  flask: z.enum(['available', 'missing', 'unknown']),
});
export type TemplateSupport = z.infer<typeof templateSupportSchema>;

/** The Debian package that gives the machine's python3 Flask, as `.ci/run` and the README install it. */
export const FLASK_PACKAGE = 'python3-flask';
