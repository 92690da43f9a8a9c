-- Free days of the cost clocks agreed with a client (issue #14): storage per terminal, detention; null = the defaults.
ALTER TABLE "clients" ADD COLUMN     "costFreeDays" JSONB;
