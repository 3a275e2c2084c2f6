// Catalogue part for the language stage: one entry per code. Keep entries in code order.

import { defineMessages } from './catalogue.js';

export const language = defineMessages({});
