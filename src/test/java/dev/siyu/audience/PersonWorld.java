package dev.siyu.audience;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.siyu.tags.TagCatalog;
import dev.siyu.tags.TagCatalog.TagDefinition;
import dev.siyu.tags.TagKind;
import dev.siyu.tags.Tagging;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scope of random persons written straight into the tables the engines read: profiles,
 * scores, reach, accounts on platforms, orders with items, tags, and some merged persons
 * that must never count. The same seed gives the same world.
 */
final class PersonWorld {

	static final List<String> TAGS = List.of("高净值", "已流失", "宝妈", "敏感肌", "学生", "rare");

	static final List<String> CITIES = List.of("杭州", "上海", "北京", "成都");

	static final List<String> PROVINCES = List.of("浙江省", "上海市", "北京市", "四川省");

	static final List<String> TIERS = List.of("gold", "silver", "normal");

	static final List<String> STAGES = List.of("new", "active", "at_risk", "lost");

	static final List<String> PLATFORMS = List.of("tmall", "jd", "douyin");

	static final List<String> SKUS = List.of("A1", "A2", "B1", "B2");

	static final List<String> CATEGORIES = List.of("面霜", "精华", "口红");

	private static final List<String> STATUSES = List.of("paid", "shipped", "completed", "completed", "closed",
			"refunded", "pending");

	final long scope;

	final List<Long> persons = new ArrayList<>();

	private final JdbcClient jdbc;

	private PersonWorld(long scope, JdbcClient jdbc) {
		this.scope = scope;
		this.jdbc = jdbc;
	}

	static PersonWorld create(long scope, int size, long seed, LocalDate today, JdbcClient jdbc, TagCatalog catalog,
			Tagging tagging) {
		PersonWorld world = new PersonWorld(scope, jdbc);
		Random random = new Random(seed);
		for (int i = 0; i < size; i++) {
			world.person(random, today);
		}
		double[] densities = { 0.4, 0.3, 0.15, 0.08, 0.03, 0.01 };
		for (int t = 0; t < TAGS.size(); t++) {
			long tagId = catalog
				.create(scope, new TagDefinition(null, TAGS.get(t), null, "ops", TagKind.MANUAL, null, null), "test")
				.id();
			List<Long> members = new ArrayList<>();
			for (Long person : world.persons) {
				if (random.nextDouble() < densities[t]) {
					members.add(person);
				}
			}
			tagging.add(scope, tagId, members, "test", "fixture");
		}
		for (int i = 0; i < size / 20; i++) {
			long merged = world.jdbc.sql("insert into person (tenant_id) values (?) returning id")
				.param(scope)
				.query(Long.class)
				.single();
			world.facts(random, merged, today);
			world.jdbc.sql("update person set merged_into = ? where id = ?")
				.params(world.persons.get(random.nextInt(world.persons.size())), merged)
				.update();
		}
		for (String table : List.of("person", "person_profile", "person_score", "person_reach", "account", "orders",
				"order_item", "person_tag")) {
			jdbc.sql("analyze " + table).update();
		}
		return world;
	}

	private void person(Random random, LocalDate today) {
		long id = this.jdbc.sql("insert into person (tenant_id) values (?) returning id")
			.param(this.scope)
			.query(Long.class)
			.single();
		this.persons.add(id);
		facts(random, id, today);
	}

	private void facts(Random random, long id, LocalDate today) {
		if (random.nextDouble() < 0.8) {
			this.jdbc.sql("""
					insert into person_profile (person_id, tenant_id, gender, birth_date, province, city, member_tier)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, this.scope, maybe(random, List.of("female", "male")),
						(random.nextDouble() < 0.7) ? today.minusDays(random.nextInt(365 * 70)) : null,
						maybe(random, PROVINCES), maybe(random, CITIES), maybe(random, TIERS))
				.update();
		}
		if (random.nextDouble() < 0.7) {
			this.jdbc.sql("""
					insert into person_score (person_id, tenant_id, recency_days, frequency, monetary, r_score, f_score,
					                          m_score, rfm_class, lifecycle_stage, p_alive, clv)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, this.scope, random.nextInt(400), random.nextInt(20), money(random, 5000),
						(short) (1 + random.nextInt(5)), (short) (1 + random.nextInt(5)),
						(short) (1 + random.nextInt(5)), maybe(random, List.of("champions", "loyal", "hibernating")),
						maybe(random, STAGES),
						(random.nextDouble() < 0.9) ? (float) (Math.round(random.nextDouble() * 100) / 100.0) : null,
						(random.nextDouble() < 0.9) ? money(random, 20000) : null)
				.update();
		}
		if (random.nextDouble() < 0.6) {
			this.jdbc
				.sql("""
						insert into person_reach (person_id, tenant_id, wecom_friend, in_group, official_account, sms_consent,
						                          marketing_opt_out)
						values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, this.scope, random.nextBoolean(), random.nextDouble() < 0.3, random.nextBoolean(),
						random.nextDouble() < 0.7, random.nextDouble() < 0.1)
				.update();
		}
		int accounts = random.nextInt(3);
		for (int a = 0; a < accounts; a++) {
			String platform = PLATFORMS.get(random.nextInt(PLATFORMS.size()));
			long account = this.jdbc.sql(
					"insert into account (tenant_id, platform, account_key, person_id) values (?, ?, ?, ?) returning id")
				.params(this.scope, platform, "k" + id + "-" + a, id)
				.query(Long.class)
				.single();
			int orders = random.nextInt(5);
			for (int o = 0; o < orders; o++) {
				order(random, today, platform, account, "o" + id + "-" + a + "-" + o);
			}
		}
	}

	private void order(Random random, LocalDate today, String platform, long account, String orderNo) {
		OffsetDateTime created = today.minusDays(random.nextInt(500))
			.atTime(random.nextInt(24), random.nextInt(60))
			.atOffset(ZoneOffset.ofHours(8));
		OffsetDateTime paid = (random.nextDouble() < 0.8) ? created.plusMinutes(random.nextInt(600)) : null;
		BigDecimal amount = money(random, 800);
		BigDecimal refund = (random.nextDouble() < 0.1) ? money(random, 900) : BigDecimal.ZERO;
		long orderId = this.jdbc
			.sql("""
					insert into orders (tenant_id, platform, order_no, account_id, status, created_at, paid_at, amount, refund,
					                    content_hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, '\\x00') returning id""")
			.params(this.scope, platform, orderNo, account, STATUSES.get(random.nextInt(STATUSES.size())), created,
					paid, amount, refund)
			.query(Long.class)
			.single();
		int items = 1 + random.nextInt(2);
		for (int line = 1; line <= items; line++) {
			this.jdbc.sql("""
					insert into order_item (order_id, tenant_id, line_no, sku, category, quantity, amount)
					values (?, ?, ?, ?, ?, 1, ?)""")
				.params(orderId, this.scope, line, SKUS.get(random.nextInt(SKUS.size())),
						CATEGORIES.get(random.nextInt(CATEGORIES.size())), amount)
				.update();
		}
	}

	private static String maybe(Random random, List<String> values) {
		return (random.nextDouble() < 0.85) ? values.get(random.nextInt(values.size())) : null;
	}

	private static BigDecimal money(Random random, int max) {
		return BigDecimal.valueOf(random.nextInt(max * 100), 2);
	}

}
