package dev.siyu.wecom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.siyu.shared.TenantId;
import dev.siyu.tags.TagsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person entering or leaving a siyu tag linked to a corp tag gets the corp tag put on
 * or taken off each follow relation of their WeCom contacts (mark_tag). The marks are
 * queued in the transaction of the tag change, so none is lost, and sent later in
 * batches: one call per relation with every tag to add and remove, at the corp's rate
 * limit. A relation that has the tag already (the change came from WeCom) is not marked
 * again. A refused call is tried again later or given up as {@link TagMarkRetry} says,
 * with WeCom's errcode and message kept on the marks ({@link TagMarks} shows them).
 */
@Component
public class ContactTagPush {

	private static final Logger log = LoggerFactory.getLogger(ContactTagPush.class);

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final Corps corps;

	private final WeComApi api;

	private final TagMarkRetry retry;

	ContactTagPush(JdbcClient jdbc, Corps corps, WeComApi api,
			@Value("${siyu.wecom.tag-mark-attempts:10}") int attempts,
			@Value("${siyu.wecom.tag-mark-first-pause:PT1S}") Duration firstPause,
			@Value("${siyu.wecom.tag-mark-longest-pause:PT10M}") Duration longestPause) {
		this.jdbc = jdbc;
		this.corps = corps;
		this.api = api;
		this.retry = new TagMarkRetry(attempts, firstPause, longestPause);
	}

	@EventListener
	void changed(TagsChanged change) {
		Optional<Corp> corp = this.corps.find(new TenantId(change.scope()));
		if (corp.isEmpty() || corp.get().secret() == null) {
			return;
		}
		long tenant = corp.get().tenant().value();
		Optional<String> tagId = this.jdbc.sql("""
				select tag_id from wecom_corp_tag where tenant_id = ? and tag_key = ? and deleted_at is null""")
			.params(tenant, Long.toString(change.tagId()))
			.query(String.class)
			.optional();
		if (tagId.isEmpty()) {
			return;
		}
		queue(tenant, change.scope(), tagId.get(), change.added(), true);
		queue(tenant, change.scope(), tagId.get(), change.removed(), false);
	}

	private void queue(long tenant, long scope, String tagId, List<Long> persons, boolean add) {
		if (persons.isEmpty()) {
			return;
		}
		// what the relation will have once the marks already queued are sent
		this.jdbc
			.sql("""
					insert into wecom_tag_mark (tenant_id, userid, external_userid, tag_id, add)
					select :tenant, f.userid, f.external_userid, :tag, :add
					from account a
					join wecom_follow f on f.tenant_id = :tenant and f.external_userid = a.account_key and f.deleted_at is null
					where a.tenant_id = :scope and a.platform = 'wecom' and a.person_id = any(:persons)
					  and coalesce((select m.add from wecom_tag_mark m
					                where m.tenant_id = :tenant and m.userid = f.userid and m.external_userid = f.external_userid
					                  and m.tag_id = :tag and m.done_at is null order by m.id desc limit 1),
					               :tag = any(f.tag_ids)) <> :add""")
			.param("tenant", tenant)
			.param("scope", scope)
			.param("tag", tagId)
			.param("add", add)
			.param("persons", persons.toArray(Long[]::new))
			.update();
	}

	/** Tenants with marks waiting to be sent now. */
	List<TenantId> pending() {
		return this.jdbc
			.sql("""
					select distinct tenant_id from wecom_tag_mark where done_at is null and (retry_at is null or retry_at <= now())""")
			.query((rs, n) -> new TenantId(rs.getLong(1)))
			.list();
	}

	/**
	 * Sends the queued marks of a tenant, one call per relation; returns how many
	 * relations were marked.
	 */
	public int push(TenantId tenant) {
		Corp corp = this.corps.require(tenant);
		int relations = 0;
		while (true) {
			List<Mark> marks = this.jdbc
				.sql("""
						select id, userid, external_userid, tag_id, add, attempts from wecom_tag_mark
						where tenant_id = ? and done_at is null and (retry_at is null or retry_at <= now()) order by id limit ?""")
				.params(tenant.value(), BATCH)
				.query((rs, n) -> new Mark(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getBoolean(5), rs.getInt(6)))
				.list();
			if (marks.isEmpty()) {
				return relations;
			}
			Map<List<String>, List<Mark>> byRelation = new LinkedHashMap<>();
			marks.forEach(
					mark -> byRelation.computeIfAbsent(List.of(mark.userid(), mark.external()), k -> new ArrayList<>())
						.add(mark));
			for (List<Mark> relation : byRelation.values()) {
				if (!send(corp, relation)) {
					return relations;
				}
				relations++;
			}
		}
	}

	/**
	 * False when WeCom is busy or out of reach and the rest should wait for the next
	 * round.
	 */
	private boolean send(Corp corp, List<Mark> relation) {
		Map<String, Boolean> net = new LinkedHashMap<>();
		relation.forEach(mark -> net.put(mark.tagId(), mark.add()));
		String[] add = net.entrySet()
			.stream()
			.filter(Map.Entry::getValue)
			.map(Map.Entry::getKey)
			.toArray(String[]::new);
		String[] remove = net.entrySet()
			.stream()
			.filter(e -> !e.getValue())
			.map(Map.Entry::getKey)
			.toArray(String[]::new);
		String userid = relation.get(0).userid();
		String external = relation.get(0).external();
		Long[] ids = relation.stream().map(Mark::id).toArray(Long[]::new);
		try {
			this.api.call(corp, service -> service.getExternalContactService()
				.markTag(userid, external, (add.length > 0) ? add : null, (remove.length > 0) ? remove : null));
		}
		catch (WeComApiException ex) {
			return refused(relation, ex.errcode(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			return refused(relation, null, "no answer from WeCom: " + ex.getMessage());
		}
		// WeCom sends no callback for our own marks: the relation is updated here
		this.jdbc.sql("""
				update wecom_follow set tag_ids = array(
				  select distinct t from unnest(array_cat(tag_ids, ?)) as t where not t = any(?) order by t),
				  updated_at = now()
				where tenant_id = ? and userid = ? and external_userid = ?""")
			.params(add, remove, corp.tenant().value(), userid, external)
			.update();
		this.jdbc.sql("""
				update wecom_tag_mark set done_at = now(), attempts = attempts + 1, retry_at = null, errcode = null,
				                          error = null
				where id = any(?)""").param(ids).update();
		return true;
	}

	/**
	 * Records WeCom's refusal on the relation's marks: a transient one is tried again
	 * after a pause, or given up once the attempts are spent; any other is final.
	 */
	private boolean refused(List<Mark> relation, Integer errcode, String message) {
		Long[] ids = relation.stream().map(Mark::id).toArray(Long[]::new);
		int attempt = relation.stream().mapToInt(Mark::attempts).max().orElse(0) + 1;
		boolean again = TagMarkRetry.isTransient(errcode);
		if (again && !this.retry.exhausted(attempt)) {
			Duration pause = this.retry.pauseAfter(attempt);
			log.info("Marking corp tags: {}; tried again in {} (attempt {})", message, pause, attempt);
			this.jdbc.sql("""
					update wecom_tag_mark set attempts = ?, errcode = cast(? as integer), error = ?,
					                          retry_at = now() + make_interval(secs => ?)
					where id = any(?)""").params(attempt, errcode, message, pause.toMillis() / 1000.0, ids).update();
			return false;
		}
		String error = again ? "gave up after " + attempt + " attempts: " + message : message;
		log.warn("Marking corp tags on {} / {} failed: {}", relation.get(0).userid(), relation.get(0).external(),
				error);
		this.jdbc
			.sql("""
					update wecom_tag_mark set done_at = now(), attempts = ?, errcode = cast(? as integer), error = ?, retry_at = null
					where id = any(?)""")
			.params(attempt, errcode, error, ids)
			.update();
		return !again;
	}

	private record Mark(long id, String userid, String external, String tagId, boolean add, int attempts) {
	}

}
