// Catalogue part for the review stage (format, edit, diff, compare, policy tests). These steps
// report no diagnostics of their own today: a policy test or a diff shows the language and data
// diagnostics of the versions it reads. New review codes get their entries here.

import { defineMessages } from './catalogue.js';

export const review = defineMessages({});
