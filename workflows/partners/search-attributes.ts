import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';

// Names registered from domain/search-attributes.ts.
const PartnerId = defineSearchAttributeKey('PartnerId', SearchAttributeType.KEYWORD);
const CustomsOffice = defineSearchAttributeKey('CustomsOffice', SearchAttributeType.KEYWORD);

/** Lets a supervisor filter a partner's operations (and their corrective actions) in Temporal Web. */
export function tagPartner(partnerId: string, office?: string): void {
  upsertSearchAttributes([{ key: PartnerId, value: partnerId }, ...(office ? [{ key: CustomsOffice, value: office }] : [])]);
}
