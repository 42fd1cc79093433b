package dev.siyu.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.siyu.shared.TenantId;
import dev.siyu.storage.TenantPartitions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deterministic One ID at ingestion: registers accounts and identifiers and links
 * accounts that share a strong identifier into one person, unless the identifier is
 * shared by so many accounts (a shop's own phone, an office address) that it is
 * quarantined instead.
 */
@Service
public class IdentityResolution {

	private final JdbcClient jdbc;

	private final DeterministicLinking linking;

	private final int hubThreshold;

	private final IdentitySettings settings;

	private final ApplicationEventPublisher events;

	private final DataSource dataSource;

	private final IdentityRules rules;

	IdentityResolution(JdbcClient jdbc, DeterministicLinking linking,
			@Value("${siyu.identity.hub-threshold:20}") int hubThreshold, IdentitySettings settings,
			ApplicationEventPublisher events, DataSource dataSource, IdentityRules rules) {
		this.jdbc = jdbc;
		this.linking = linking;
		this.hubThreshold = hubThreshold;
		this.settings = settings;
		this.events = events;
		this.dataSource = dataSource;
		this.rules = rules;
	}

	/**
	 * Gathers the accounts of a first import into a scope that has no accounts and no
	 * identifiers yet, to be linked and written at once by {@link FirstAccounts#link};
	 * empty when the scope has a graph already, which {@link #absorb} must then bring up
	 * to date. Holds the scope's lock until the transaction ends, so no other import adds
	 * accounts meanwhile.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<FirstAccounts> firstAccounts(TenantId scope, String platform) {
		long scopeId = scope.value();
		this.jdbc.sql("select pg_advisory_xact_lock(7301, ?::int)").param((int) scopeId).query().singleRow();
		boolean empty = this.jdbc.sql("""
				select not exists (select 1 from account where tenant_id = ?)
				   and not exists (select 1 from identifier where tenant_id = ?)""")
			.params(scopeId, scopeId)
			.query(Boolean.class)
			.single();
		if (!empty) {
			return Optional.empty();
		}
		Map<String, Integer> priorities = new HashMap<>();
		Set<String> notLinking = new HashSet<>();
		for (IdentityRules.Rule rule : this.rules.of(scope)) {
			priorities.put(rule.kind(), rule.priority());
			if (!rule.links()) {
				notLinking.add(rule.kind());
			}
		}
		return Optional.of(new FirstAccounts(this.jdbc, this.dataSource, this.events, scopeId, platform,
				this.hubThreshold, priorities, notLinking, this.settings.autoMatch(scope)));
	}

	/**
	 * Takes the accounts and identifiers of one platform that the caller staged, in its
	 * own transaction, in two temporary tables: {@code account_stage(account_key)}, every
	 * buyer account seen, and
	 * {@code identity_stage(account_key, kind, value_hash, value_enc, masked,
	 * strong)}, the identifiers each showed (blind index, ciphertext or null). Brings
	 * persons up to date.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public LinkSummary absorb(TenantId scope, String platform, String madeBy) {
		long scopeId = scope.value();
		this.jdbc.sql("select pg_advisory_xact_lock(7301, ?::int)").param((int) scopeId).query().singleRow();
		this.jdbc.sql("""
				drop table if exists new_account; drop table if exists touched_account;
				drop table if exists scope_identifier; drop table if exists touched_identifier""").update();
		long accountsCreated = registerAccounts(scopeId, platform);
		long freshFrom = this.jdbc.sql("select coalesce(min(person_id), 9223372036854775807) from new_account")
			.query(Long.class)
			.single();
		long identifiersCreated = registerIdentifiers(scopeId);
		// temporary tables have no statistics until analysed; without them the planner
		// sorts
		this.jdbc.sql("analyze new_account, touched_account, scope_identifier (id, kind, value_hash, fresh)").update();
		attachIdentifiers(scopeId);
		if (accountsCreated > 10_000) {
			// the graph grew a lot inside this transaction: tell the planner before the
			// joins to come
			Map<String, String> columns = Map.of("account", "(id, tenant_id, platform, account_key, person_id)",
					"identifier", "(id, tenant_id, kind, value_hash, strong, quarantined_at)", "account_identifier",
					"(account_id, identifier_id)");
			List<String> analyses = new ArrayList<>();
			columns.forEach((table, analysed) -> TenantPartitions.holding(this.jdbc, table, scopeId)
				.forEach((partition) -> analyses.add("analyze " + partition + " " + analysed)));
			this.jdbc.sql(String.join("; ", analyses)).update();
		}
		List<Long> quarantined = quarantineHubs();
		DeterministicLinking.Result linked = this.linking.link(scopeId, quarantined, freshFrom, madeBy);
		long pending = 0;
		if (this.settings.autoMatch(scope)) {
			pending = this.jdbc.sql("""
					insert into identity_match_pending (tenant_id, person_id)
					select distinct ?, a.person_id from account a join touched_account t on t.id = a.id
					where a.person_id is not null
					on conflict do nothing""").param(scopeId).update();
		}
		this.events.publishEvent(new AccountsAbsorbed(scopeId, pending));
		return new LinkSummary(accountsCreated, identifiersCreated,
				accountsCreated + linked.personsCreated() - linked.freshPersonsDropped(), linked.personsMerged(),
				linked.accountsMoved(), quarantined.size());
	}

	/**
	 * Inserts the accounts seen for the first time, each with a person of its own
	 * (linking then joins those that belong together), and lists every touched account
	 * with its key.
	 */
	private long registerAccounts(long scope, String platform) {
		// offset 0 keeps the look-up of the sequence from being repeated on every row
		long created = this.jdbc.sql("""
				create temp table new_account on commit drop as
				select s.account_key, nextval(q.seq) as person_id
				from account_stage s, (select pg_get_serial_sequence('person', 'id')::regclass as seq offset 0) q
				where not exists (select 1 from account a
				                  where a.tenant_id = ? and a.platform = ? and a.account_key = s.account_key)""")
			.params(scope, platform)
			.update();
		this.jdbc.sql("insert into person (id, tenant_id) overriding system value select person_id, ? from new_account")
			.param(scope)
			.update();
		this.jdbc.sql("""
				create temp table touched_account on commit drop as
				with added as (insert into account (tenant_id, platform, account_key, person_id)
				               select ?, ?, account_key, person_id from new_account
				               returning id, account_key)
				select id, account_key, true as new from added""").params(scope, platform).update();
		this.jdbc.sql("""
				insert into touched_account
				select a.id, a.account_key, false from account a join account_stage s
				  on a.tenant_id = ? and a.platform = ? and a.account_key = s.account_key
				where not exists (select 1 from new_account n where n.account_key = s.account_key)""")
			.params(scope, platform)
			.update();
		return created;
	}

	/**
	 * Inserts the identifiers seen for the first time and lists every identifier the
	 * import touched, with whether it may link: the new ones straight from the insert, so
	 * only identifiers known before are looked up.
	 */
	private long registerIdentifiers(long scope) {
		long created = this.jdbc
			.sql("""
					create temp table scope_identifier on commit drop as
					with added as (insert into identifier (tenant_id, kind, value_hash, value_enc, masked, strong)
					               select ?, s.kind, s.value_hash, any_value(s.value_enc), any_value(s.masked), bool_or(s.strong)
					               from identity_stage s
					               where not exists (select 1 from identifier i
					                                 where i.tenant_id = ? and i.kind = s.kind and i.value_hash = s.value_hash)
					               group by s.kind, s.value_hash
					               returning id, kind, value_hash, strong)
					select id, kind, value_hash, strong as links, true as fresh from added""")
			.params(scope, scope)
			.update();
		this.jdbc
			.sql("""
					insert into scope_identifier
					select i.id, i.kind, i.value_hash, i.strong and i.quarantined_at is null, false
					from (select kind, value_hash from identity_stage except select kind, value_hash from scope_identifier) s
					join identifier i on i.tenant_id = ? and i.kind = s.kind and i.value_hash = s.value_hash""")
			.param(scope)
			.update();
		return created;
	}

	/**
	 * Records which account showed which identifier; new accounts cannot have any yet.
	 */
	private void attachIdentifiers(long scope) {
		this.jdbc.sql("""
				create temp table touched_identifier on commit drop as
				select a.id as account_id, a.new, i.id as identifier_id, i.links
				from identity_stage s
				join touched_account a on a.account_key = s.account_key
				join scope_identifier i on i.kind = s.kind and i.value_hash = s.value_hash""").update();
		this.jdbc.sql("analyze touched_identifier").update();
		this.jdbc.sql("""
				insert into account_identifier (account_id, identifier_id, tenant_id)
				select account_id, identifier_id, ? from touched_identifier where new""").param(scope).update();
		this.jdbc
			.sql("""
					insert into account_identifier (account_id, identifier_id, tenant_id)
					select t.account_id, t.identifier_id, ? from touched_identifier t
					where not t.new and not exists (select 1 from account_identifier x
					                                where x.account_id = t.account_id and x.identifier_id = t.identifier_id)""")
			.param(scope)
			.update();
	}

	/** Identifiers shared by more accounts than the threshold stop linking. */
	private List<Long> quarantineHubs() {
		return this.jdbc.sql("""
				update identifier i set quarantined_at = now(), account_count = hub.n
				from (select ai.identifier_id, count(*) as n from account_identifier ai
				      where ai.identifier_id in (select identifier_id from touched_identifier where links)
				      group by ai.identifier_id having count(*) > ?) hub
				where i.id = hub.identifier_id
				returning i.id""").param(this.hubThreshold).query(Long.class).list();
	}

}
