-- Every time personal data was shown in clear: who, whose (e.g. person:42), which fields.
create table personal_data_reveal (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null references tenant (id),
    username    text        not null,
    subject     text        not null,
    fields      text[]      not null,
    revealed_at timestamptz not null default now()
);
create index personal_data_reveal_tenant on personal_data_reveal (tenant_id, id desc);

-- The console's overview of a tenant, recomputed when orders are imported, so a page view
-- reads one row instead of scanning the orders.
create table tenant_overview (
    tenant_id   bigint primary key references tenant (id),
    figures     jsonb       not null,
    computed_at timestamptz not null default now()
);

-- Receivers' names by blind index, so a customer can be found by name without decrypting
-- anything: the brand's orders' accounts whose receiver had that name.
create table receiver_name (
    tenant_id  bigint not null,
    name_hash  bytea  not null,
    account_id bigint not null,
    primary key (tenant_id, name_hash, account_id)
);
