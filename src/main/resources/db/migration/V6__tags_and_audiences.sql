-- Tags on persons and products, and audiences over persons. tenant_id is the identity scope, like
-- person.tenant_id. Membership tables are bulk tables without foreign keys (0007).
create table tag_group (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    name        text        not null,
    description text,
    owner       text,
    created_at  timestamptz not null default now(),
    unique (tenant_id, name)
);

create table tag (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    group_id    bigint references tag_group (id),
    name        text        not null,
    description text,
    owner       text,
    kind        text        not null check (kind in ('manual', 'rule', 'product', 'wecom')),
    rule        text,        -- the audience expression of a rule tag
    valid_days  integer check (valid_days > 0), -- an assignment expires this many days after it was made
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (tenant_id, name),
    check ((kind = 'rule') = (rule is not null))
);

-- Every change to the catalog: who, when, what it was before and after.
create table tag_audit (
    id        bigint generated always as identity primary key,
    tenant_id bigint      not null,
    tag_id    bigint,
    group_id  bigint,
    action    text        not null,
    actor     text        not null,
    before    jsonb,
    after     jsonb,
    at        timestamptz not null default now()
);
create index tag_audit_tag on tag_audit (tag_id, id);

create table person_tag (
    tag_id     bigint      not null,
    person_id  bigint      not null,
    tenant_id  bigint      not null,
    tagged_at  timestamptz not null default now(),
    tagged_by  text        not null,
    expires_at timestamptz,
    primary key (tag_id, person_id)
);
create index person_tag_person on person_tag (person_id);
create index person_tag_expiry on person_tag (expires_at) where expires_at is not null;

-- Entries and exits of every tag, manual or computed: they drive journeys.
create table person_tag_change (
    id        bigint generated always as identity primary key,
    tenant_id bigint      not null,
    tag_id    bigint      not null,
    person_id bigint      not null,
    change    text        not null check (change in ('added', 'removed')),
    actor     text        not null,
    reason    text,
    at        timestamptz not null default now()
);
create index person_tag_change_tag on person_tag_change (tag_id, id);
create index person_tag_change_person on person_tag_change (person_id, id);

-- Product tags: on a SKU or on a whole category.
create table product_tag (
    tag_id      bigint not null,
    tenant_id   bigint not null,
    target_kind text   not null check (target_kind in ('sku', 'category')),
    target      text   not null,
    primary key (tag_id, target_kind, target)
);
create index product_tag_target on product_tag (tenant_id, target_kind, target);

create table audience (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    name        text        not null,
    expression  text        not null,
    dynamic     boolean     not null default false,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    deleted_at  timestamptz,
    unique (tenant_id, name)
);

-- Current members of a dynamic audience, as of its last evaluation.
create table audience_member (
    audience_id bigint      not null,
    person_id   bigint      not null,
    since       timestamptz not null default now(),
    primary key (audience_id, person_id)
);

create table audience_membership_change (
    id          bigint generated always as identity primary key,
    audience_id bigint      not null,
    person_id   bigint      not null,
    change      text        not null check (change in ('entered', 'left')),
    at          timestamptz not null default now()
);
create index audience_membership_change_audience on audience_membership_change (audience_id, id);

-- Frozen membership of an audience at a moment.
create table audience_snapshot (
    id          bigint generated always as identity primary key,
    audience_id bigint      not null,
    tenant_id   bigint      not null,
    expression  text        not null,
    members     bigint      not null,
    taken_by    text        not null,
    taken_at    timestamptz not null default now()
);

create table audience_snapshot_member (
    snapshot_id bigint not null,
    person_id   bigint not null,
    primary key (snapshot_id, person_id)
);
