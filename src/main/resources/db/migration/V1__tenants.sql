-- Tenants are brands. A group tenant holds brands; its brands share One ID only when the group
-- switches share_one_id on explicitly (PIPL: moving data between brands needs a basis).
create table tenant (
    id           bigint generated always as identity primary key,
    name         text        not null unique check (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    display_name text        not null,
    is_group     boolean     not null default false,
    group_id     bigint references tenant (id),
    share_one_id boolean     not null default false,
    created_at   timestamptz not null default now(),
    check (not (is_group and group_id is not null))
);

create table api_key (
    id           bigint generated always as identity primary key,
    tenant_id    bigint      not null references tenant (id),
    name         text        not null,
    prefix       text        not null,
    secret_hash  bytea       not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_key_tenant on api_key (tenant_id);

create table app_user (
    id            bigint generated always as identity primary key,
    username      text        not null unique,
    display_name  text        not null,
    password_hash text        not null,
    created_at    timestamptz not null default now(),
    disabled_at   timestamptz
);

create table membership (
    user_id   bigint not null references app_user (id),
    tenant_id bigint not null references tenant (id),
    role      text   not null check (role in ('owner', 'admin', 'operator', 'analyst', 'guide')),
    primary key (user_id, tenant_id)
);
