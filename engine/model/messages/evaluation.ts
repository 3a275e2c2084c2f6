// Catalogue part for the evaluation stage: one entry per code. Keep entries in code order.

import { defineMessages } from './catalogue.js';

export const evaluation = defineMessages({});
