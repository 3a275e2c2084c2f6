// Catalogue part for the cli stage: one entry per code. Keep entries in code order.

import { defineMessages } from './catalogue.js';

export const cli = defineMessages({});
