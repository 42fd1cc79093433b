-- The bulk tables are partitioned by tenant (decision 0078). Every tenant's rows live in the table's
-- shared default partition, until a first load gives a tenant one of its own: written as a plain
-- table and attached when complete, so its indexes are built once, by sorting, instead of row by row.
-- Keys include tenant_id, as a partitioned table's unique keys must.
create function pg_temp.partition_by_tenant(name text, primary_key text, identity boolean) returns void
language plpgsql as $$
declare
    shared text := name || '_shared';
begin
    execute format('alter table %I rename to %I', name, shared);
    execute format('alter table %I drop constraint %I', shared, name || '_pkey');
    if identity then
        execute format('alter table %I alter column id drop identity', shared);
    end if;
    execute format('create table %I (like %I including defaults) partition by list (tenant_id)', name, shared);
    if identity then
        execute format('alter table %I alter column id add generated always as identity', name);
        execute format('select setval(pg_get_serial_sequence(%L, ''id''), coalesce(max(id), 0) + 1, false) from %I',
                       name, shared);
    end if;
    execute format('alter table %I add primary key (%s)', name, primary_key);
end $$;

select pg_temp.partition_by_tenant('orders', 'id, tenant_id', true);
alter table orders add unique (tenant_id, platform, order_no);
create index orders_by_account on orders (account_id);
alter table orders attach partition orders_shared default;

select pg_temp.partition_by_tenant('person', 'id, tenant_id', true);
create index person_unmerged on person (tenant_id) where merged_into is null;
alter table person attach partition person_shared default;

select pg_temp.partition_by_tenant('account', 'id, tenant_id', true);
alter table account add unique (tenant_id, platform, account_key);
create index account_by_key on account (account_key);
create index account_by_person on account (person_id);
alter table account attach partition account_shared default;

select pg_temp.partition_by_tenant('identifier', 'id, tenant_id', true);
alter table identifier add unique (tenant_id, kind, value_hash);
alter table identifier attach partition identifier_shared default;

select pg_temp.partition_by_tenant('account_identifier', 'account_id, identifier_id, tenant_id', false);
create index account_identifier_by_identifier on account_identifier (identifier_id);
alter table account_identifier attach partition account_identifier_shared default;
