-- The unique keys of orders, accounts and identifiers lead with the column that tells rows apart
-- (decision 0079). In a tenant's own partition tenant_id is the same on every row, and the platform
-- or kind nearly so: led by them, building the index on attach compares every pair of rows column
-- by column. Led by the order number, account key or value hash, the sort decides most pairs on
-- their first bytes. The shared partition, which holds many tenants, keeps an index of its own by
-- tenant for the queries that read one tenant's rows.
create function pg_temp.drop_unique(tbl regclass, cols text) returns void
language plpgsql as $$
declare
    found text;
begin
    select c.conname into found
    from pg_constraint c
    where c.conrelid = tbl and c.contype = 'u'
      and (select string_agg(a.attname, ', ' order by k.ord)
           from unnest(c.conkey) with ordinality k(attnum, ord)
           join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) = cols;
    if found is null then
        raise exception 'no unique key (%) on %', cols, tbl;
    end if;
    execute format('alter table %s drop constraint %I', tbl, found);
end $$;

select pg_temp.drop_unique('orders', 'tenant_id, platform, order_no');
alter table orders add constraint orders_order_no_key unique (order_no, platform, tenant_id);
create index orders_shared_by_tenant on orders_shared (tenant_id, platform);

select pg_temp.drop_unique('account', 'tenant_id, platform, account_key');
drop index account_by_key;
drop index if exists account_key_lookup;
alter table account add constraint account_key_key unique (account_key, platform, tenant_id);
create index account_shared_by_tenant on account_shared (tenant_id, platform);

select pg_temp.drop_unique('identifier', 'tenant_id, kind, value_hash');
alter table identifier add constraint identifier_value_key unique (value_hash, kind, tenant_id);
create index identifier_shared_by_tenant on identifier_shared (tenant_id, kind);
