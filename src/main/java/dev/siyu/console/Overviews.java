package dev.siyu.console;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.siyu.ingest.OrdersImported;
import dev.siyu.shared.TenantId;
import dev.siyu.storage.TenantPartitions;
import dev.siyu.tenant.Tenant;
import dev.siyu.tenant.Tenants;
import dev.siyu.wecom.ReachChanged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Precomputed overviews: when a tenant's orders or its WeCom reach change, its figures
 * (and its group's) are computed in one pass over its orders and stored as one row; a
 * page view reads that row.
 */
@Service
class Overviews {

	private static final String PAID = "o.status in ('paid', 'shipped', 'completed', 'refunded', 'other')";

	private final JdbcClient jdbc;

	private final Tenants tenants;

	private final JsonMapper json;

	Overviews(JdbcClient jdbc, Tenants tenants, JsonMapper json) {
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.json = json;
	}

	/**
	 * Refreshes the brand's and its group's figures, unless a refresh that started after
	 * this import ended already did: the imports of one manifest then cost one refresh.
	 */
	@ApplicationModuleListener
	void on(OrdersImported imported) {
		refreshAfter(imported.tenant(), imported.importId());
		this.tenants.byId(imported.tenant())
			.map(Tenant::groupId)
			.ifPresent(group -> refreshAfter(group, imported.importId()));
	}

	/**
	 * Refreshes the brand's and its group's figures when who they can reach changed,
	 * unless a refresh started since the last change.
	 */
	@ApplicationModuleListener
	void on(ReachChanged changed) {
		refreshSince(changed.tenant(), changed.lastChange());
		this.tenants.byId(changed.tenant())
			.map(Tenant::groupId)
			.ifPresent(group -> refreshSince(group, changed.lastChange()));
	}

	private void refreshSince(TenantId tenant, Instant change) {
		this.jdbc.sql("select pg_advisory_xact_lock(7302, ?::int)").param((int) tenant.value()).query().singleRow();
		boolean fresh = this.jdbc
			.sql("select exists (select 1 from tenant_overview where tenant_id = ? and computed_at >= ?)")
			.params(tenant.value(), Timestamp.from(change))
			.query(Boolean.class)
			.single();
		if (!fresh) {
			refresh(tenant);
		}
	}

	private void refreshAfter(TenantId tenant, long importId) {
		this.jdbc.sql("select pg_advisory_xact_lock(7302, ?::int)").param((int) tenant.value()).query().singleRow();
		boolean fresh = this.jdbc.sql("""
				select exists (select 1 from tenant_overview o, import_job j
				               where o.tenant_id = ? and j.id = ? and o.computed_at >= j.finished_at)""")
			.params(tenant.value(), importId)
			.query(Boolean.class)
			.single();
		if (!fresh) {
			refresh(tenant);
		}
	}

	/** The stored figures, computed now if the tenant has none yet. */
	OverviewFigures of(Workspace workspace) {
		return stored(workspace.tenantId()).orElseGet(() -> refresh(workspace.tenantId()));
	}

	Optional<OverviewFigures> stored(TenantId tenant) {
		return this.jdbc.sql("select figures::text from tenant_overview where tenant_id = ?")
			.param(tenant.value())
			.query(String.class)
			.optional()
			.map(text -> this.json.readValue(text, OverviewFigures.class));
	}

	@Transactional
	OverviewFigures refresh(TenantId tenant) {
		Long[] scope = scope(tenant);
		// the pages' lookups by person plan well only once the planner knows how big the
		// graph has grown
		List<String> partitions = new ArrayList<>();
		for (String table : List.of("orders", "account", "person", "account_identifier", "identifier")) {
			partitions.addAll(TenantPartitions.holding(this.jdbc, table, scope));
		}
		this.jdbc.sql("analyze " + String.join(", ", partitions)).update();
		this.jdbc.sql("drop table if exists overview_order").update();
		this.jdbc
			.sql("""
					create temp table overview_order on commit drop as
					select coalesce(p.merged_into, p.id) as person, o.platform,
					       date_trunc('month', coalesce(o.paid_at, o.created_at)) as month, o.amount - o.refund as net, %s as paid
					from orders o join account a on a.id = o.account_id join person p on p.id = a.person_id
					where o.tenant_id = any(?)"""
				.formatted(PAID))
			.param(scope)
			.update();
		this.jdbc.sql("analyze overview_order").update();
		Object[] totals = this.jdbc
			.sql("""
					select count(distinct person), count(*), coalesce(sum(net) filter (where paid), 0) from overview_order""")
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3) })
			.single();
		long repeat = this.jdbc
			.sql("""
					select count(*) from (select person from overview_order where paid group by person having count(*) > 1) r""")
			.query(Long.class)
			.single();
		this.jdbc.sql("drop table if exists overview_person").update();
		this.jdbc.sql("create temp table overview_person on commit drop as select distinct person from overview_order")
			.update();
		long reachable = this.jdbc.sql("""
				select count(*) from person_reach r join overview_person p on p.person = r.person_id
				where r.wecom_friend or r.in_group or r.official_account or r.sms_consent""")
			.query(Long.class)
			.single();
		List<OverviewFigures.Slice> platforms = slices("""
				select platform, sum(net) from overview_order where paid group by platform order by 2 desc""");
		List<OverviewFigures.Slice> lifecycle = slices("""
				select s.lifecycle_stage, count(*) from person_score s join overview_person p on p.person = s.person_id
				where s.lifecycle_stage is not null group by 1 order by 2 desc""");
		List<OverviewFigures.Slice> channels = slices("""
				select channel, count from (
				  select 'wecom_friend' as channel, count(*) filter (where r.wecom_friend) as count, 1 as n
				  from person_reach r join overview_person p on p.person = r.person_id
				  union all select 'in_group', count(*) filter (where r.in_group), 2
				  from person_reach r join overview_person p on p.person = r.person_id
				  union all select 'official_account', count(*) filter (where r.official_account), 3
				  from person_reach r join overview_person p on p.person = r.person_id
				  union all select 'sms_consent', count(*) filter (where r.sms_consent), 4
				  from person_reach r join overview_person p on p.person = r.person_id) c
				where count > 0 order by n""");
		List<OverviewFigures.Month> months = this.jdbc.sql("""
				with firsts as (select person, min(month) as month from overview_order where paid group by person),
				     fresh as (select month, count(*) as customers from firsts group by month),
				     last as (select max(month) as month from overview_order where paid)
				select to_char(o.month, 'YYYY-MM'), coalesce(sum(o.net), 0), count(distinct o.person),
				       coalesce(max(f.customers), 0)
				from overview_order o cross join last left join fresh f on f.month = o.month
				where o.paid and o.month > last.month - interval '12 months'
				group by o.month order by o.month""")
			.query((rs, row) -> new OverviewFigures.Month(rs.getString(1), rs.getBigDecimal(2), rs.getLong(3),
					rs.getLong(4)))
			.list();
		OverviewFigures figures = new OverviewFigures((Long) totals[0], (Long) totals[1], (BigDecimal) totals[2],
				repeat, reachable, null, platforms, lifecycle, channels, months, OffsetDateTime.now());
		this.jdbc.sql("""
				insert into tenant_overview (tenant_id, figures, computed_at) values (?, ?::jsonb, now())
				on conflict (tenant_id) do update set figures = excluded.figures, computed_at = now()""")
			.params(tenant.value(), this.json.writeValueAsString(figures))
			.update();
		return figures;
	}

	private List<OverviewFigures.Slice> slices(String sql) {
		return this.jdbc.sql(sql)
			.query((rs, row) -> new OverviewFigures.Slice(rs.getString(1), rs.getBigDecimal(2)))
			.list();
	}

	private Long[] scope(TenantId tenant) {
		List<Long> ids = new ArrayList<>();
		ids.add(tenant.value());
		this.tenants.all().stream().filter(t -> tenant.equals(t.groupId())).forEach(t -> ids.add(t.id().value()));
		return ids.toArray(Long[]::new);
	}

}
