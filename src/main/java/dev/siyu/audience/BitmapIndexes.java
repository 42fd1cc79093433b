package dev.siyu.audience;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.siyu.identity.PersonSplit;
import dev.siyu.identity.PersonsMerged;
import dev.siyu.ingest.OrdersImported;
import dev.siyu.tags.TagCatalogChanged;
import dev.siyu.tags.TagsChanged;
import dev.siyu.tenant.Tenants;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The bitmap index of each scope: built from PostgreSQL on first use, rebuilt when the
 * day changes and on a schedule, and kept current by events after their transaction
 * commits, so that counts are right as soon as a tag change, an import, a merge or a
 * split returns. Imports, merges and splits are applied before any other listener, so
 * that rule tags recomputed after them see the persons as they are now.
 */
@Component
class BitmapIndexes implements BitmapEvaluation.OrderFactsSource {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(BitmapIndexes.class);

	private final IndexLoader loader;

	private final Tenants tenants;

	private final Clock clock;

	private final Map<Long, TenantIndex> indexes = new ConcurrentHashMap<>();

	BitmapIndexes(IndexLoader loader, Tenants tenants) {
		this.loader = loader;
		this.tenants = tenants;
		this.clock = Clock.system(CHINA);
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The scope's index, for today. */
	TenantIndex of(long scope) {
		LocalDate today = today();
		TenantIndex index = this.indexes.get(scope);
		if (index == null || !index.today.equals(today)) {
			synchronized (this) {
				index = this.indexes.get(scope);
				if (index == null || !index.today.equals(today)) {
					long start = System.nanoTime();
					index = this.loader.load(scope, today);
					this.indexes.put(scope, index);
					log.info("Bitmap index of scope {} built: {} persons in {} ms", scope, index.size(),
							(System.nanoTime() - start) / 1_000_000);
				}
			}
		}
		return index;
	}

	/** Puts an index built elsewhere (the benchmark's) in place of the scope's. */
	void install(TenantIndex index) {
		this.indexes.put(index.scope, index);
	}

	void drop(long scope) {
		this.indexes.remove(scope);
	}

	long count(long scope, Expression expression, Function<String, Long> tagIds) {
		TenantIndex index = of(scope);
		index.lock.readLock().lock();
		try {
			return new BitmapEvaluation(index, tagIds, this).count(expression);
		}
		finally {
			index.lock.readLock().unlock();
		}
	}

	RoaringBitmap members(long scope, Expression expression, Function<String, Long> tagIds) {
		TenantIndex index = of(scope);
		index.lock.readLock().lock();
		try {
			return new BitmapEvaluation(index, tagIds, this).members(expression);
		}
		finally {
			index.lock.readLock().unlock();
		}
	}

	@Override
	public TenantIndex.OrderFacts facts(TenantIndex index) {
		TenantIndex.OrderFacts facts = index.orders;
		if (facts == null) {
			synchronized (index) {
				facts = index.orders;
				if (facts == null) {
					facts = this.loader.orderFacts(index);
					index.orders = facts;
				}
			}
		}
		return facts;
	}

	@Override
	public NumericColumn aggregate(TenantIndex index, TenantIndex.AggregateKey key) {
		return facts(index).aggregates.computeIfAbsent(key, k -> this.loader.aggregate(index, k));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TagsChanged changed) {
		apply(changed);
	}

	/** Applies tag entries and exits to the scope's index, if it is loaded. */
	void apply(TagsChanged changed) {
		TenantIndex index = this.indexes.get(changed.scope());
		if (index == null) {
			return;
		}
		List<Long> unknown = new ArrayList<>();
		RoaringBitmap added = numbers(index, changed.added(), unknown);
		RoaringBitmap removed = numbers(index, changed.removed(), new ArrayList<>());
		write(index, () -> {
			RoaringBitmap members = index.tag(changed.tagId());
			members.or(added);
			members.andNot(removed);
		});
		if (!unknown.isEmpty()) {
			reload(index, unknown);
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TagCatalogChanged changed) {
		TenantIndex index = this.indexes.get(changed.scope());
		if (index != null && changed.action().equals("deleted")) {
			write(index, () -> index.tags.remove(changed.tagId()));
		}
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(OrdersImported imported) {
		long scope = this.tenants.byId(imported.tenant()).map(t -> t.identityScope().value()).orElse(0L);
		TenantIndex index = this.indexes.get(scope);
		if (index == null) {
			return;
		}
		long lastKnown = (index.size() > 0) ? index.personId(index.size() - 1) : 0;
		reload(index, this.loader.personsAbove(scope, lastKnown));
		index.orders = null;
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(PersonsMerged merged) {
		TenantIndex index = this.indexes.get(merged.scope());
		if (index != null) {
			List<Long> persons = new ArrayList<>(merged.mergedIds());
			persons.add(merged.survivorId());
			reload(index, persons);
			index.orders = null;
		}
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(PersonSplit split) {
		TenantIndex index = this.indexes.get(split.scope());
		if (index != null) {
			List<Long> persons = new ArrayList<>(split.newPersonIds());
			persons.add(split.personId());
			reload(index, persons);
			index.orders = null;
		}
	}

	/**
	 * Person facts (profile, scores, reach) are written by other modules: read them
	 * again.
	 */
	@Scheduled(fixedDelayString = "${siyu.audience.rebuild-interval:PT30M}",
			initialDelayString = "${siyu.audience.rebuild-interval:PT30M}")
	void rebuildAll() {
		for (TenantIndex index : loaded()) {
			rebuild(index.scope, index);
		}
	}

	/** The indexes loaded now. */
	List<TenantIndex> loaded() {
		return List.copyOf(this.indexes.values());
	}

	/**
	 * Builds the scope's index again beside the old one, which answers meanwhile, and
	 * puts it in place unless the old one was replaced or dropped meanwhile.
	 */
	void rebuild(long scope, TenantIndex old) {
		TenantIndex fresh = this.loader.load(scope, today());
		this.indexes.replace(scope, old, fresh);
	}

	/**
	 * Sets tag memberships read from PostgreSQL: {tag id, person id, 1 if a member else
	 * 0}.
	 */
	void setTags(TenantIndex index, List<long[]> memberships) {
		if (memberships.isEmpty()) {
			return;
		}
		write(index, () -> {
			for (long[] membership : memberships) {
				int number = index.number(membership[1]);
				if (number >= 0 && membership[2] == 1) {
					index.tag(membership[0]).add(number);
				}
				else if (number >= 0) {
					RoaringBitmap members = index.tags.get(membership[0]);
					if (members != null) {
						members.remove(number);
					}
				}
			}
		});
	}

	void reload(TenantIndex index, java.util.Collection<Long> persons) {
		if (persons.isEmpty()) {
			return;
		}
		try {
			write(index, () -> this.loader.reload(index, persons));
		}
		catch (IllegalStateException ex) {
			log.info("Bitmap index of scope {} is rebuilt: {}", index.scope, ex.getMessage());
			this.indexes.remove(index.scope, index);
		}
	}

	/**
	 * The numbers of these persons as a bitmap; persons the index does not know go to
	 * unknown.
	 */
	private static RoaringBitmap numbers(TenantIndex index, List<Long> persons, List<Long> unknown) {
		int[] numbers = new int[persons.size()];
		int count = 0;
		for (Long person : persons) {
			int number = index.number(person);
			if (number >= 0) {
				numbers[count++] = number;
			}
			else {
				unknown.add(person);
			}
		}
		java.util.Arrays.sort(numbers, 0, count);
		return RoaringBitmap.bitmapOf(java.util.Arrays.copyOf(numbers, count));
	}

	private static void write(TenantIndex index, Runnable change) {
		index.lock.writeLock().lock();
		try {
			change.run();
			index.seal();
		}
		finally {
			index.lock.writeLock().unlock();
		}
	}

}
