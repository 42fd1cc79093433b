-- Status texts an import did not recognise (kept as 'other'), with how many rows had each, so a
-- mapping's statuses can name them.
alter table import_job add column unknown_statuses jsonb not null default '{}';
