import { defineSearchAttributeKey } from '@temporalio/common';

/** Search attributes every order workflow keeps current, for the Temporal Web UI and visibility queries. */
export const OrderStage = defineSearchAttributeKey('OrderStage', 'KEYWORD');
export const OrderStatus = defineSearchAttributeKey('OrderStatus', 'KEYWORD');
export const TemplateKey = defineSearchAttributeKey('TemplateKey', 'KEYWORD');
