-- The agency fee agreed with a client (issue #14): { amount (decimal text), currency }; null = not agreed.
ALTER TABLE "clients" ADD COLUMN     "agencyFee" JSONB;
