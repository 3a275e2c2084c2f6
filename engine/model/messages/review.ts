// Catalogue part for the review stage: one entry per code. Keep entries in code order.

import { defineMessages } from './catalogue.js';

export const review = defineMessages({});
