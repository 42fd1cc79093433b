package dev.siyu.wecom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.siyu.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's overview follows WeCom: a brand that imported its orders before
 * connecting its corp sees its buyers' reach once the corp is synced, and loses it when
 * the buyer deletes the friend, without importing again.
 */
@IntegrationTest
class OverviewFollowsReachTests {

	static final String BUYER_MOBILE = "13922223333";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReachChanges reachChanges;

	@Autowired
	ApplicationContext context;

	@Test
	void overviewReachFollowsSyncAndDeletionWithoutANewImport(@TempDir Path dir) {
		ConnectedSandbox corp = ConnectedSandbox.start(this.context, this.port, dir,
				people -> people.seed(11, 2, 8, 1, List.of(BUYER_MOBILE)), "R1", "tb_reach", BUYER_MOBILE,
				tenant -> await().atMost(Duration.ofSeconds(30))
					.until(() -> Long.valueOf(0).equals(reachable(tenant))));
		try {
			this.reachChanges.publish();
			await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(reachable(corp.tenantId)));
			assertThat(wecomFriends(corp.tenantId)).isEqualTo(1L);

			String buyerFriend = this.jdbc
				.sql("""
						select f.userid || ' ' || f.external_userid from wecom_follow f
						join account a on a.tenant_id = f.tenant_id and a.platform = 'wecom' and a.account_key = f.external_userid
						join account t on t.person_id = a.person_id and t.platform = 'taobao' and t.account_key = 'tb_reach'
						where f.tenant_id = ? and f.deleted_at is null""")
				.param(corp.tenantId)
				.query(String.class)
				.single();
			String[] follow = buyerFriend.split(" ");
			corp.people.customerDeletes(follow[0], follow[1]);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.jdbc.sql("""
						select not wecom_friend from person_reach r join account a on a.person_id = r.person_id
						where a.tenant_id = ? and a.platform = 'wecom' and a.account_key = ?""")
					.params(corp.tenantId, follow[1])
					.query(Boolean.class)
					.single());
			this.reachChanges.publish();
			await().atMost(Duration.ofSeconds(30)).until(() -> wecomFriends(corp.tenantId) == 0L);
		}
		finally {
			corp.stopWhenQuiet();
		}
	}

	private Long reachable(long tenant) {
		return this.jdbc.sql("select (figures->>'reachable')::bigint from tenant_overview where tenant_id = ?")
			.param(tenant)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private long wecomFriends(long tenant) {
		return this.jdbc.sql("""
				select coalesce(sum((c->>'value')::numeric), 0)::bigint from tenant_overview o,
				jsonb_array_elements(o.figures->'channels') c where o.tenant_id = ? and c->>'key' = 'wecom_friend'""")
			.param(tenant)
			.query(Long.class)
			.single();
	}

}
