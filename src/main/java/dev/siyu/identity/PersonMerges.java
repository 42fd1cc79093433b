package dev.siyu.identity;

import java.util.List;

import dev.siyu.api.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges two persons and splits accounts off a person, recording the evidence, the
 * history and (for splits) the do-not-link memory, and announcing {@link PersonsMerged}
 * and {@link PersonSplit}. Orders follow their accounts; the profiles of the persons
 * concerned are recomputed.
 */
@Component
class PersonMerges {

	private final JdbcClient jdbc;

	private final Survivorship survivorship;

	private final ApplicationEventPublisher events;

	PersonMerges(JdbcClient jdbc, Survivorship survivorship, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.survivorship = survivorship;
		this.events = events;
	}

	/** The current person a person id ended up in (itself when never merged). */
	long current(long scope, long person) {
		long at = person;
		for (int hops = 0; hops < 1000; hops++) {
			long next = this.jdbc.sql("select coalesce(merged_into, 0) from person where id = ? and tenant_id = ?")
				.params(at, scope)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new NotFound("no person " + person));
			if (next == 0) {
				return at;
			}
			at = next;
		}
		throw new IllegalStateException("person " + person + " is merged in a cycle");
	}

	/** Moves the accounts of {@code merged} to {@code survivor}, with the evidence. */
	void merge(long scope, long survivor, long merged, String reason, String madeBy, Double probability,
			String evidence) {
		List<Long> accounts = this.jdbc.sql("select id from account where person_id = ? order by id")
			.param(merged)
			.query(Long.class)
			.list();
		Long anchor = this.jdbc.sql("select min(id) from account where person_id = ?")
			.param(survivor)
			.query(Long.class)
			.single();
		this.jdbc.sql("update account set person_id = ? where person_id = ?").params(survivor, merged).update();
		Long[] moved = accounts.toArray(Long[]::new);
		this.jdbc.sql("update identity_link set ended_at = now() where account_id = any(?) and ended_at is null")
			.param(moved)
			.update();
		this.jdbc
			.sql("""
					insert into identity_link (tenant_id, account_id, person_id, rule, linked_with, made_by, score, evidence)
					select ?, a, ?, ?, ?, ?, ?, ?::jsonb from unnest(?::bigint[]) a""")
			.params(scope, survivor, reason, anchor, madeBy, probability, evidence, moved)
			.update();
		this.jdbc.sql("update person set merged_into = ? where id = ? or merged_into = ?")
			.params(survivor, merged, merged)
			.update();
		this.jdbc
			.sql("""
					insert into person_merge (tenant_id, survivor_id, merged_id, reason, made_by, accounts, probability, evidence)
					values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
			.params(scope, survivor, merged, reason, madeBy, moved, probability, evidence)
			.update();
		this.survivorship.recompute(scope, List.of(survivor, merged));
		this.events.publishEvent(new PersonsMerged(scope, survivor, List.of(merged)));
	}

	/**
	 * Moves some accounts of a person to a new person and remembers that they must not be
	 * linked again to the accounts that stay, until the split is reversed.
	 */
	long split(long scope, long person, List<Long> accounts, String reason, String madeBy) {
		if (accounts.isEmpty()) {
			throw new IllegalArgumentException("a split needs at least one account to move");
		}
		List<Long> own = this.jdbc.sql("select id from account where person_id = ? and tenant_id = ? order by id")
			.params(person, scope)
			.query(Long.class)
			.list();
		for (Long account : accounts) {
			if (!own.contains(account)) {
				throw new IllegalArgumentException("account " + account + " does not belong to person " + person);
			}
		}
		if (own.size() == accounts.size()) {
			throw new IllegalArgumentException("a split must leave at least one account with person " + person);
		}
		Long[] moved = accounts.toArray(Long[]::new);
		long newPerson = this.jdbc.sql("insert into person (tenant_id) values (?) returning id")
			.param(scope)
			.query(Long.class)
			.single();
		this.jdbc.sql("update account set person_id = ? where id = any(?)").params(newPerson, moved).update();
		this.jdbc.sql("update identity_link set ended_at = now() where account_id = any(?) and ended_at is null")
			.param(moved)
			.update();
		this.jdbc.sql("""
				insert into identity_link (tenant_id, account_id, person_id, rule, made_by)
				select ?, a, ?, ?, ? from unnest(?::bigint[]) a""")
			.params(scope, newPerson, reason, madeBy, moved)
			.update();
		long split = this.jdbc.sql("""
				insert into person_split (tenant_id, person_id, new_person_id, accounts, reason, made_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(scope, person, newPerson, moved, reason, madeBy)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into do_not_link (tenant_id, account_a, account_b, split_id)
				select ?, least(m, s), greatest(m, s), ? from unnest(?::bigint[]) m
				cross join (select id as s from account where person_id = ?) stay
				on conflict (account_a, account_b) do update set split_id = excluded.split_id""")
			.params(scope, split, moved, person)
			.update();
		this.survivorship.recompute(scope, List.of(person, newPerson));
		this.events.publishEvent(new PersonSplit(scope, person, List.of(newPerson)));
		return newPerson;
	}

	/** Forgets a split's do-not-link memory and merges the two persons back. */
	void reverseSplit(long scope, long splitId, String madeBy) {
		var split = this.jdbc
			.sql("""
					select person_id, new_person_id, reversed_at is not null from person_split where id = ? and tenant_id = ?""")
			.params(splitId, scope)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getBoolean(3) ? 1 : 0 })
			.optional()
			.orElseThrow(() -> new NotFound("no split " + splitId));
		if (split[2] == 1) {
			throw new IllegalArgumentException("split " + splitId + " was already reversed");
		}
		this.jdbc.sql("delete from do_not_link where split_id = ?").param(splitId).update();
		this.jdbc.sql("update person_split set reversed_at = now(), reversed_by = ? where id = ?")
			.params(madeBy, splitId)
			.update();
		long survivor = current(scope, split[0]);
		long other = current(scope, split[1]);
		if (survivor != other) {
			merge(scope, Math.min(survivor, other), Math.max(survivor, other), "split_reversed", madeBy, null, null);
		}
	}

}
