package dev.siyu.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.siyu.storage.BinaryCopy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the persons of the accounts an import touched: finds every account connected
 * to them through strong, unquarantined identifiers (and the accounts of their current
 * persons), unites them with union-find, and writes the persons, merges and link evidence
 * back set-based.
 */
@Component
class DeterministicLinking {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ApplicationEventPublisher events;

	private final int hubThreshold;

	DeterministicLinking(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events,
			@Value("${siyu.identity.hub-threshold:20}") int hubThreshold) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.events = events;
		this.hubThreshold = hubThreshold;
	}

	/**
	 * Links the closure of the touched accounts. Persons numbered from {@code freshFrom}
	 * were created by this import for its new accounts: those that do not survive are
	 * dropped, not recorded as merged, since nobody has seen them.
	 */
	Result link(long scope, List<Long> newlyQuarantined, long freshFrom, String madeBy) {
		collectClosure(newlyQuarantined, freshFrom);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return link(connection, scope, freshFrom, madeBy);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot link the accounts: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private Result link(Connection connection, long scope, long freshFrom, String madeBy) throws SQLException {
		int expected = this.jdbc.sql("select count(*) from closure_account").query(Integer.class).single();
		AccountPersons accounts = AccountPersons.read(connection, """
				select a.id, a.person_id from account a join closure_account c on c.id = a.id""", expected);
		AccountIndex index = accounts.index();
		int n = index.size();
		long[] currentPerson = accounts.persons();
		AccountSets connected = connect(connection, index, expected);
		UnionFind sets = connected.sets;
		long[] viaIdentifier = connected.viaIdentifier;
		int[] linkedWith = connected.linkedWith;
		PersonAssignment assignment = PersonAssignment.of(sets, currentPerson, n);
		long[] newIds = newPersons(scope, assignment.newPersons());
		long[] person = assignment.resolve(newIds);
		long moved = writeResults(connection, index, person, currentPerson, viaIdentifier, linkedWith, n);
		if (moved > 0) {
			this.jdbc.sql("""
					update account a set person_id = r.person_id from link_result r
					where a.id = r.account_id and a.person_id is distinct from r.person_id""").update();
		}
		this.jdbc.sql("""
				update identity_link l set ended_at = now() from closure_account c
				where l.account_id = c.id and l.ended_at is null
				  and not exists (select 1 from link_result r where r.account_id = l.account_id
				                  and r.person_id = l.person_id and r.rule = l.rule
				                  and r.identifier_id is not distinct from l.identifier_id)""").update();
		this.jdbc
			.sql("""
					insert into identity_link (tenant_id, account_id, person_id, rule, identifier_id, linked_with, made_by)
					select ?, r.account_id, r.person_id, r.rule, r.identifier_id, r.linked_with, ?
					from link_result r
					where r.rule is not null
					  and not exists (select 1 from identity_link l where l.account_id = r.account_id and l.ended_at is null)
					""")
			.params(scope, madeBy)
			.update();
		long merged = 0;
		List<Long> dropped = new ArrayList<>();
		Map<Long, List<Long>> mergedInto = new TreeMap<>();
		long[] mergedPersons = assignment.mergedPersons();
		long[] survivors = assignment.survivors();
		for (int m = 0; m < mergedPersons.length; m++) {
			if (mergedPersons[m] >= freshFrom) {
				dropped.add(mergedPersons[m]);
				continue;
			}
			this.jdbc.sql("update person set merged_into = ? where id = ? or merged_into = ?")
				.params(survivors[m], mergedPersons[m], mergedPersons[m])
				.update();
			this.jdbc.sql("""
					insert into person_merge (tenant_id, survivor_id, merged_id, reason, made_by)
					values (?, ?, ?, 'shared_identifier', ?)""")
				.params(scope, survivors[m], mergedPersons[m], madeBy)
				.update();
			mergedInto.computeIfAbsent(survivors[m], (survivor) -> new ArrayList<>()).add(mergedPersons[m]);
			merged++;
		}
		mergedInto
			.forEach((survivor, mergedIds) -> this.events.publishEvent(new PersonsMerged(scope, survivor, mergedIds)));
		if (!dropped.isEmpty()) {
			this.jdbc.sql("delete from person where id = any(?)").param(dropped.toArray(Long[]::new)).update();
		}
		return new Result(newIds.length, merged, moved, dropped.size());
	}

	/**
	 * Streams the strong, unquarantined identifiers of the closure that the tenant's
	 * rules let link and unites the accounts sharing them.
	 */
	private AccountSets connect(Connection connection, AccountIndex index, int accounts) throws SQLException {
		DoNotLink guard = DoNotLink.inClosure(this.jdbc, index);
		IdentifierEdges edges = IdentifierEdges.read(connection, """
				select ai.identifier_id, ai.account_id, %s from account_identifier ai
				join closure_account c on c.id = ai.account_id
				join identifier i on i.id = ai.identifier_id and i.strong and i.quarantined_at is null and %s"""
			.formatted(IdentityRules.PRIORITY_SQL, IdentityRules.LINKS_SQL), index, accounts * 2);
		return AccountSets.connect(index, edges, guard, this.hubThreshold);
	}

	/**
	 * Every account reachable from the touched ones, in the temporary table
	 * closure_account: through strong, unquarantined identifiers and through the persons
	 * they belong to, found round by round from the accounts the last round added.
	 * Persons from {@code freshFrom} on hold one new account each, so they lead nowhere;
	 * identifiers this import created are held by touched accounts only, so they lead
	 * nowhere either.
	 */
	private void collectClosure(List<Long> newlyQuarantined, long freshFrom) {
		this.jdbc.sql("""
				drop table if exists closure_account; drop table if exists closure_identifier;
				drop table if exists frontier_account; drop table if exists frontier_identifier;
				create temp table closure_identifier (id bigint primary key) on commit drop;
				create temp table frontier_identifier (id bigint) on commit drop""").update();
		// filled first, indexed after: building an index at once costs far less than
		// growing it row by row
		long added = this.jdbc
			.sql("create temp table closure_account on commit drop as select distinct id from touched_account")
			.update();
		this.jdbc.sql("""
				alter table closure_account add primary key (id);
				create temp table frontier_account on commit drop as select id from closure_account""").update();
		if (!newlyQuarantined.isEmpty()) {
			added += this.jdbc.sql("""
					with added as (insert into closure_account
					               select distinct a.id from account a
					               where a.person_id in (select a2.person_id from account_identifier ai
					                                     join account a2 on a2.id = ai.account_id
					                                     where ai.identifier_id = any(?))
					               on conflict do nothing returning id)
					insert into frontier_account select id from added""")
				.param(newlyQuarantined.toArray(Long[]::new))
				.update();
		}
		while (added > 0) {
			this.jdbc
				.sql("""
						truncate frontier_identifier;
						with added as (insert into closure_identifier
						               select distinct ai.identifier_id from account_identifier ai
						               join frontier_account f on f.id = ai.account_id
						               join identifier i on i.id = ai.identifier_id and i.strong and i.quarantined_at is null
						                 and %s
						               where not exists (select 1 from scope_identifier s where s.id = ai.identifier_id and s.fresh)
						               on conflict do nothing returning id)
						insert into frontier_identifier select id from added"""
					.formatted(IdentityRules.LINKS_SQL))
				.update();
			// fresh statistics keep the planner from nested loops over tables it believes
			// empty
			this.jdbc.sql("analyze frontier_account; analyze frontier_identifier").update();
			this.jdbc
				.sql("""
						create temp table next_account on commit drop as
						select ai.account_id as id from account_identifier ai join frontier_identifier fi on fi.id = ai.identifier_id
						union
						select a.id from account a
						where a.person_id in (select a2.person_id from account a2 join frontier_account f on f.id = a2.id
						                      where a2.person_id < ?)""")
				.param(freshFrom)
				.update();
			this.jdbc.sql("truncate frontier_account").update();
			added = this.jdbc.sql("""
					with added as (insert into closure_account select id from next_account
					               on conflict do nothing returning id)
					insert into frontier_account select id from added""").update();
			this.jdbc.sql("drop table next_account").update();
		}
		this.jdbc.sql("analyze closure_account").update();
	}

	private long[] newPersons(long scope, int count) {
		if (count == 0) {
			return new long[0];
		}
		List<Long> ids = this.jdbc.sql("""
				insert into person (tenant_id) select ? from generate_series(1, ?) returning id""")
			.params(scope, count)
			.query(Long.class)
			.list();
		return ids.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	/**
	 * Writes, for every account that is linked to another or changes person, its person
	 * and the evidence of its link into link_result; returns how many accounts change
	 * person.
	 */
	private long writeResults(Connection connection, AccountIndex index, long[] person, long[] currentPerson,
			long[] viaIdentifier, int[] linkedWith, int n) throws SQLException {
		this.jdbc.sql("drop table if exists link_result").update();
		this.jdbc.sql("""
				create temp table link_result (account_id bigint primary key, person_id bigint, rule text,
				  identifier_id bigint, linked_with bigint) on commit drop""").update();
		long moved = 0;
		try (BinaryCopy rows = BinaryCopy.into(connection, "link_result")) {
			for (int i = 0; i < n; i++) {
				boolean movesPerson = person[i] != currentPerson[i];
				if (linkedWith[i] < 0 && !movesPerson) {
					continue;
				}
				moved += movesPerson ? 1 : 0;
				rows.row(5).int8(index.idAt(i)).int8(person[i]);
				if (linkedWith[i] >= 0) {
					rows.text("shared_identifier").int8(viaIdentifier[i]).int8(index.idAt(linkedWith[i]));
				}
				else {
					rows.nothing().nothing().nothing();
				}
			}
			rows.finish();
		}
		this.jdbc.sql("analyze link_result").update();
		return moved;
	}

	record Result(long personsCreated, long personsMerged, long accountsMoved, long freshPersonsDropped) {
	}

}
