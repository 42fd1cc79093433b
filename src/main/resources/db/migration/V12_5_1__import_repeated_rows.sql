-- Rows an import saw again within itself (the same order, or order line, later in the files): the
-- last one counts, the earlier ones are counted here so the numbers of a job add up.
alter table import_job add column repeated bigint not null default 0;
