-- Bulk tables (orders, items, the identity graph) carry no foreign keys: they are written by set-based
-- merges that keep them consistent, and a per-row key check would halve import speed (docs/decisions).
-- Orders from every platform, one path for all sources. Personal fields of the receiver are stored
-- encrypted (receiver); region columns are kept plain at province/city/district level for analytics.
create table shop (
    id        bigint generated always as identity primary key,
    tenant_id bigint not null references tenant (id),
    platform  text   not null,
    shop_key  text   not null,
    name      text,
    unique (tenant_id, platform, shop_key)
);

create table product (
    id        bigint generated always as identity primary key,
    tenant_id bigint not null references tenant (id),
    platform  text   not null,
    sku       text   not null,
    title     text,
    category  text,
    unique (tenant_id, platform, sku)
);

create table import_job (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      not null references tenant (id),
    source        text        not null,
    mapping       text,
    files         text[]      not null,
    status        text        not null default 'running' check (status in ('running', 'succeeded', 'failed')),
    progress      real        not null default 0,
    rows          bigint      not null default 0,
    imported      bigint      not null default 0,
    updated       bigint      not null default 0,
    unchanged     bigint      not null default 0,
    rejected      bigint      not null default 0,
    errors_file   text,
    failure       text,
    started_at    timestamptz not null default now(),
    finished_at   timestamptz
);
create index import_job_tenant on import_job (tenant_id, id desc);

create table orders (
    id              bigint generated always as identity primary key,
    tenant_id       bigint        not null,
    platform        text          not null,
    order_no        text          not null,
    account_id      bigint,
    shop_id         bigint,
    status          text          not null,
    platform_status text,
    created_at      timestamptz,
    paid_at         timestamptz,
    completed_at    timestamptz,
    amount          numeric(14, 2) not null,
    freight         numeric(14, 2),
    discount        numeric(14, 2),
    refund          numeric(14, 2) not null default 0,
    item_count      integer       not null default 0,
    quantity        integer       not null default 0,
    creator_id      text,
    creator_name    text,
    traffic_source  text,
    channel         text,
    province        text,
    city            text,
    district        text,
    receiver        bytea,
    content_hash    bytea         not null,
    items_hash      bytea,
    first_import_id bigint,
    last_import_id  bigint,
    updated_at      timestamptz   not null default now(),
    unique (tenant_id, platform, order_no)
);
create index orders_account on orders (account_id);

create table order_item (
    order_id   bigint         not null,
    tenant_id  bigint         not null,
    line_no    integer        not null,
    line_ref   text,
    sku        text,
    product_id bigint,
    title      text,
    spec       text,
    category   text,
    quantity   integer        not null,
    unit_price numeric(14, 2),
    amount     numeric(14, 2),
    primary key (order_id, line_no)
);

-- What changed when an order was seen again (a new status, a refund, a new amount).
create table order_change (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    order_id    bigint      not null,
    import_id   bigint,
    changed_at  timestamptz not null default now(),
    old_status  text,
    new_status  text,
    old_amount  numeric(14, 2),
    new_amount  numeric(14, 2),
    old_refund  numeric(14, 2),
    new_refund  numeric(14, 2)
);
create index order_change_order on order_change (order_id);
