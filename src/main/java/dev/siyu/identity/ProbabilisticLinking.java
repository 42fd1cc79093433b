package dev.siyu.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.siyu.matching.BlockingRule;
import dev.siyu.matching.Field;
import dev.siyu.matching.FieldKind;
import dev.siyu.matching.MatchResult;
import dev.siyu.matching.MatchSettings;
import dev.siyu.matching.Matcher;
import dev.siyu.matching.Records;
import dev.siyu.shared.TenantId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Probabilistic One ID over the persons of a tenant: each person's best name, phone and
 * address (from survivorship) are matched with the Fellegi-Sunter engine trained on the
 * tenant's own data. Pairs at or above the upper threshold are merged, those between the
 * thresholds wait for review, conflicting strong identifiers and do-not-link memory
 * forbid a link.
 */
@Service
public class ProbabilisticLinking {

	private static final JsonMapper json = JsonMapper.builder().build();

	static final List<Field> FIELDS = List.of(new Field("name", FieldKind.FULL_NAME),
			new Field("phone", FieldKind.PHONE), new Field("address", FieldKind.ADDRESS));

	private final JdbcClient jdbc;

	private final Survivorship survivorship;

	private final PersonMerges merges;

	private final double upper;

	private final double lower;

	ProbabilisticLinking(JdbcClient jdbc, Survivorship survivorship, PersonMerges merges,
			@Value("${siyu.identity.auto-link-probability:0.99}") double upper,
			@Value("${siyu.identity.review-probability:0.8}") double lower) {
		this.jdbc = jdbc;
		this.survivorship = survivorship;
		this.merges = merges;
		this.upper = upper;
		this.lower = lower;
	}

	public Summary run(TenantId tenant, String madeBy) {
		return run(tenant, madeBy, this.upper, this.lower);
	}

	/**
	 * Matches with the given thresholds: pairs from {@code autoLink} are merged, from
	 * {@code review} queued.
	 */
	@Transactional
	public Summary run(TenantId tenant, String madeBy, double autoLink, double review) {
		checkThresholds(autoLink, review);
		long scope = tenant.value();
		this.jdbc.sql("select pg_advisory_xact_lock(7301, ?::int)").param((int) scope).query().singleRow();
		Map<Long, Survivorship.Profile> profiles = this.survivorship.recompute(scope, null);
		List<Long> persons = new ArrayList<>(profiles.keySet());
		persons.sort(Long::compare);
		if (persons.size() < 3) {
			return new Summary(persons.size(), 0, 0, 0, 0);
		}
		Records.Builder builder = Records.builder(FIELDS);
		for (long person : persons) {
			Survivorship.Profile profile = profiles.get(person);
			builder.add(Long.toString(person), profile.value("name"), profile.value("phone"), profile.value("address"));
		}
		Records records = builder.build();
		MatchResult result = Matcher.run(records, settings(autoLink, review));
		return decide(scope, madeBy, persons, result, persons.size());
	}

	static void checkThresholds(double autoLink, double review) {
		if (!(review > 0 && review <= autoLink && autoLink < 1)) {
			throw new IllegalArgumentException("thresholds must satisfy 0 < review <= autoLink < 1, got review "
					+ review + " and autoLink " + autoLink);
		}
	}

	double autoLinkProbability() {
		return this.upper;
	}

	double reviewProbability() {
		return this.lower;
	}

	/**
	 * Matches the persons imports left pending against their candidates: a linkage of the
	 * pending persons (left) with all persons of the scope (right), so blocking only
	 * forms pairs that involve a pending person. Decisions as in {@link #run}.
	 */
	@Transactional
	public Summary runPending(TenantId tenant, String madeBy) {
		long scope = tenant.value();
		this.jdbc.sql("select pg_advisory_xact_lock(7301, ?::int)").param((int) scope).query().singleRow();
		List<Long> pending = this.jdbc.sql("""
				with taken as (delete from identity_match_pending where tenant_id = ? returning person_id)
				select distinct coalesce(p.merged_into, p.id) from taken t join person p on p.id = t.person_id
				order by 1""").param(scope).query(Long.class).list();
		if (pending.isEmpty()) {
			return new Summary(0, 0, 0, 0, 0);
		}
		Map<Long, Survivorship.Profile> profiles = this.survivorship.recompute(scope, null);
		List<Long> persons = new ArrayList<>(profiles.keySet());
		persons.sort(Long::compare);
		if (persons.size() < 3) {
			return new Summary(pending.size(), 0, 0, 0, 0);
		}
		Records.Builder left = Records.builder(FIELDS);
		List<Long> recordPersons = new ArrayList<>();
		for (long person : pending) {
			Survivorship.Profile profile = profiles.get(person);
			if (profile != null) {
				left.add(Long.toString(person), profile.value("name"), profile.value("phone"),
						profile.value("address"));
				recordPersons.add(person);
			}
		}
		Records.Builder right = Records.builder(FIELDS);
		for (long person : persons) {
			Survivorship.Profile profile = profiles.get(person);
			right.add(Long.toString(person), profile.value("name"), profile.value("phone"), profile.value("address"));
		}
		recordPersons.addAll(persons);
		Records records = left.build().linkedWith(right.build());
		MatchResult result = Matcher.run(records, settings(this.upper, this.lower));
		return decide(scope, madeBy, recordPersons, result, recordPersons.size() - persons.size());
	}

	private static MatchSettings settings(double autoLink, double review) {
		return MatchSettings.defaults(FIELDS)
			.withRules(List.of(BlockingRule.parse("phone", FIELDS), BlockingRule.parse("name+address", FIELDS),
					BlockingRule.parse("name", FIELDS)))
			.withThreshold(autoLink)
			.keepingFrom(review);
	}

	/** Decides the pairs; {@code persons} gives the person of every record. */
	private Summary decide(long scope, String madeBy, List<Long> persons, MatchResult result, long matched) {
		PersonConstraints constraints = PersonConstraints.load(this.jdbc, scope);
		List<Integer> order = new ArrayList<>();
		for (int p = 0; p < result.pairCount(); p++) {
			order.add(p);
		}
		order.sort(Comparator.comparingDouble(result::matchWeight).reversed());
		long linked = 0;
		long queued = 0;
		long forbidden = 0;
		for (int p : order) {
			long a = persons.get(result.left(p));
			long b = persons.get(result.right(p));
			if (constraints.find(a) == constraints.find(b)) {
				continue;
			}
			if (constraints.forbids(a, b) != null) {
				forbidden++;
				continue;
			}
			String evidence = json.writeValueAsString(result.explain(result.left(p), result.right(p)));
			if (result.isMatch(p)) {
				long survivor = Math.min(constraints.find(a), constraints.find(b));
				long merged = Math.max(constraints.find(a), constraints.find(b));
				this.merges.merge(scope, survivor, merged, "probabilistic", madeBy, result.matchProbability(p),
						evidence);
				constraints.join(survivor, merged);
				linked++;
			}
			else {
				queued += this.jdbc.sql("""
						insert into match_review (tenant_id, person_a, person_b, probability, weight, comparison)
						values (?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing""")
					.params(scope, Math.min(a, b), Math.max(a, b), result.matchProbability(p), result.matchWeight(p),
							evidence)
					.update();
			}
		}
		return new Summary(matched, result.candidatePairs(), linked, queued, forbidden);
	}

	/** What one run did. */
	public record Summary(long persons, long candidatePairs, long autoLinked, long queuedForReview, long forbidden) {
	}

}
