-- The value analytics of an identity scope (RFM classes and grid, lifecycle stages, CLV bands,
-- cohorts, repurchase cycles), written with the scores, so a page view reads one row instead of
-- scanning the scores and the orders.
create table value_figures (
    scope_id    bigint primary key,
    figures     jsonb       not null,
    computed_at timestamptz not null default now()
);
