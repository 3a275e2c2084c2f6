// Catalogue part for the data stage: one entry per code. Keep entries in code order.

import { defineMessages } from './catalogue.js';

export const data = defineMessages({});
