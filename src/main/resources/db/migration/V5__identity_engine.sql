-- The identity engine: evidence of probabilistic links, per-tenant deterministic rules, the review
-- queue of uncertain pairs, splits and the do-not-link memory they leave.
alter table identity_link add column score real;          -- match probability of a probabilistic link
alter table identity_link add column evidence jsonb;      -- the field-by-field comparison behind it

alter table person_merge add column accounts bigint[];    -- the accounts the merged person brought
alter table person_merge add column probability real;
alter table person_merge add column evidence jsonb;

-- Which identifier kinds link deterministically in a tenant and in which priority (1 = strongest).
-- Kinds without a row follow the defaults of the code.
create table identity_rule (
    tenant_id bigint  not null,
    kind      text    not null,
    links     boolean not null,
    priority  integer not null,
    primary key (tenant_id, kind)
);

-- Pairs of persons whose match probability lies between the thresholds, waiting for a person.
create table match_review (
    id          bigint generated always as identity primary key,
    tenant_id   bigint      not null,
    person_a    bigint      not null,
    person_b    bigint      not null,
    probability real        not null,
    weight      real        not null,
    comparison  jsonb       not null,
    status      text        not null default 'pending'
        check (status in ('pending', 'approved', 'rejected', 'obsolete')),
    decided_by  text,
    decided_at  timestamptz,
    created_at  timestamptz not null default now()
);
create unique index match_review_open on match_review (tenant_id, person_a, person_b) where status = 'pending';
create index match_review_tenant on match_review (tenant_id, status, id);

create table person_split (
    id            bigint generated always as identity primary key,
    tenant_id     bigint      not null,
    person_id     bigint      not null,
    new_person_id bigint      not null,
    accounts      bigint[]    not null,
    reason        text        not null,
    made_by       text        not null,
    created_at    timestamptz not null default now(),
    reversed_at   timestamptz,
    reversed_by   text
);
create index person_split_person on person_split (person_id);
create index person_split_new_person on person_split (new_person_id);

-- Accounts that must not end up in one person (account_a < account_b), until the split or the
-- rejection that caused it is reversed.
create table do_not_link (
    tenant_id  bigint      not null,
    account_a  bigint      not null,
    account_b  bigint      not null,
    split_id   bigint,
    review_id  bigint,
    created_at timestamptz not null default now(),
    primary key (account_a, account_b)
);
create index do_not_link_b on do_not_link (account_b);
create index do_not_link_tenant on do_not_link (tenant_id);

-- Survivorship also keeps the best delivery address.
alter table person_profile add column address_enc bytea;
alter table person_profile add column address_masked text;
